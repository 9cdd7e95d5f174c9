package org.casebridge;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.casebridge.access.AccessPolicy;
import org.casebridge.access.AuditLog;
import org.casebridge.access.Caller;
import org.casebridge.access.Role;
import org.casebridge.graphql.ApiException;
import org.casebridge.graphql.ErrorCode;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * Authorization decisions are made in {@code access/} only (README "Layout" and "Decisions"). Outside it, code may
 * not refer to {@link Role}, ask a {@link Caller} about roles or agency, write a denied audit entry, build a
 * {@code FORBIDDEN} refusal at all, build a {@code NOT_FOUND} in code that looks at who is asking (that is hiding,
 * not a missing row), or inject SmallRye's {@code Context}. No exemptions.
 * <p>
 * Time is read from the one injected {@link Clock} ({@code runtime/UtcClock}): outside {@code runtime/} nothing reads
 * the system clock, so a test can move time and every "overdue" agrees.
 */
class ArchitectureTest {

    static final String ACCESS = "org.casebridge.access..";
    static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.casebridge");

    @Test
    void onlyAccessRefersToRoles() {
        check(noClasses().that().resideOutsideOfPackage(ACCESS).should().dependOnClassesThat().belongToAnyOf(Role.class));
    }

    @Test
    void onlyAccessAsksWhoTheCallerIs() {
        check(noClasses().that().resideOutsideOfPackage(ACCESS).should()
                .callMethod(Caller.class, "has", Role.class)
                .orShould().callMethod(Caller.class, "hasAny", Role[].class)
                .orShould().callMethod(Caller.class, "belongsTo", String.class)
                .orShould().callMethod(AuditLog.class, "denied", Caller.class, AuditLog.Entry.class));
    }

    @Test
    void onlyAccessBuildsForbiddenRefusals() {
        check(classes().that().resideOutsideOfPackage(ACCESS).should(
                buildRefusalWhere(ErrorCode.FORBIDDEN, unit -> true, "")));
    }

    @Test
    void outsideAccessNotFoundIsOnlyForMissingRows() {
        check(classes().that().resideOutsideOfPackage(ACCESS).should(
                buildRefusalWhere(ErrorCode.NOT_FOUND, ArchitectureTest::consultsTheCaller, " after looking at the caller")));
    }

    @Test
    void nothingInjectsSmallRyeContext() {
        check(noClasses().that().resideOutsideOfPackage(ACCESS).should().dependOnClassesThat()
                .haveFullyQualifiedName("io.smallrye.graphql.api.Context"));
    }

    /**
     * The policies are split by capability around one core (README "Decisions"): {@link AccessPolicy} (the caller, the
     * lead agency's staff, routes and their disclosure, consent, people named on records, events, the audit log) asks
     * no capability's policy, so a capability's rule cannot drift back into the core, and the capability policies share
     * the core instead of copying it.
     */
    @Test
    void theCorePolicyAsksNoCapabilityPolicy() {
        check(noClasses().that().belongToAnyOf(AccessPolicy.class).should().dependOnClassesThat(DescribedPredicate.describe(
                "are a capability's policy", (JavaClass type) -> {
                    String outermost = type.getName().split("\\$")[0];
                    return outermost.startsWith("org.casebridge.access.") && outermost.endsWith("Policy")
                            && !outermost.equals(AccessPolicy.class.getName());
                })));
    }

    @Test
    void onlyTheClockProducerReadsTheSystemClock() {
        check(noClasses().that().resideOutsideOfPackage("org.casebridge.runtime..").should().callMethodWhere(readsTheSystemClock()));
    }

    /**
     * {@code now()} of any java.time type but with the injected {@link Clock} ({@code LocalDate.now()},
     * {@code OffsetDateTime.now(ZoneOffset.UTC)}, {@code Instant.now()}…), a system {@link Clock}, or
     * {@link System#currentTimeMillis()}. {@code System.nanoTime()} measures durations, not the time of day, and stays.
     */
    private static DescribedPredicate<JavaMethodCall> readsTheSystemClock() {
        return DescribedPredicate.describe("read the system clock instead of the injected Clock", call -> {
            String owner = call.getTargetOwner().getName();
            String name = call.getName();
            List<String> parameters = call.getTarget().getRawParameterTypes().stream().map(JavaClass::getName).toList();
            boolean javaTime = owner.startsWith("java.time.") && owner.indexOf('.', "java.time.".length()) < 0;
            return javaTime && name.equals("now") && !parameters.equals(List.of(Clock.class.getName()))
                    || owner.equals(Clock.class.getName()) && name.startsWith("system")
                    || owner.equals(System.class.getName()) && name.equals("currentTimeMillis");
        });
    }

    private static void check(ArchRule rule) {
        rule.check(MAIN);
    }

    /**
     * A refusal of the given code: constructing an {@link ApiException} while reading the code's constant, or calling
     * {@link ApiException#notFound}. A lambda belongs to the method that wrote it, so
     * {@code caller...; orElseThrow(() -> ApiException.notFound(..))} is one unit.
     */
    private static ArchCondition<JavaClass> buildRefusalWhere(ErrorCode code, java.util.function.Predicate<List<JavaCodeUnit>> when,
                                                              String suffix) {
        return new ArchCondition<>("not build a " + code + " refusal" + suffix) {
            @Override
            public void check(JavaClass type, ConditionEvents events) {
                Map<String, List<JavaCodeUnit>> methods = type.getCodeUnits().stream().collect(Collectors.groupingBy(ArchitectureTest::writtenIn));
                methods.forEach((method, units) -> {
                    if (builds(units, code) && when.test(units)) {
                        events.add(SimpleConditionEvent.violated(type, type.getName() + "." + method + " builds a " + code + " refusal" + suffix));
                    }
                });
            }
        };
    }

    private static boolean builds(Collection<JavaCodeUnit> units, ErrorCode code) {
        boolean constructs = accesses(units).stream().anyMatch(a -> a.getTargetOwner().isEquivalentTo(ApiException.class)
                && a.getName().equals("<init>"));
        boolean readsCode = accesses(units).stream().anyMatch(a -> a.getTargetOwner().isEquivalentTo(ErrorCode.class)
                && a.getName().equals(code.name()));
        boolean factory = code == ErrorCode.NOT_FOUND && accesses(units).stream()
                .anyMatch(a -> a.getTargetOwner().isEquivalentTo(ApiException.class) && a.getName().equals("notFound"));
        return constructs && readsCode || factory;
    }

    /** Whether the method reads anything of the caller (its subject, username, agency, state or roles). */
    private static boolean consultsTheCaller(Collection<JavaCodeUnit> units) {
        return accesses(units).stream().anyMatch(a -> a.getTargetOwner().isEquivalentTo(Caller.class)
                && CALLER_FACTS.contains(a.getName()));
    }

    static final Set<String> CALLER_FACTS = Set.of("subject", "username", "agencyCode", "state", "roles", "has", "hasAny", "belongsTo");

    private static List<JavaAccess<?>> accesses(Collection<JavaCodeUnit> units) {
        return units.stream().flatMap(u -> u.getAccessesFromSelf().stream()).collect(Collectors.toList());
    }

    /** {@code lambda$record$3} was written in {@code record}. */
    private static String writtenIn(JavaCodeUnit unit) {
        String name = unit.getName();
        return name.startsWith("lambda$") ? name.split("\\$")[1] : name;
    }
}
