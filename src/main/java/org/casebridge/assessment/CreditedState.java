package org.casebridge.assessment;

import org.casebridge.graphql.ApiException;
import org.casebridge.graphql.GlobalId;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The state a need or a follow-up request counts for: the state its participants named ("inform support for your
 * state", seed 001), not the state the session is held in. From the participant's line of the sign-in sheet, or
 * chosen for the need; without either, the one state the sheet names, or the session's state when the sheet names
 * none (caregivers and young people sign no sheet). Spelled as the directory spells it where it knows the state, so
 * that "adamawa" counts for Adamawa.
 */
record CreditedState(String state, UUID signInId, String agency) {

    static final String SIGN_IN = "SessionSignIn";

    /** A line of the sign-in sheet, as far as crediting needs it. */
    record SignInLine(UUID id, String agency, String state) {
    }

    static CreditedState of(String field, String state, String signInId, List<SignInLine> sheet, String sessionState,
                            Collection<String> knownStates) {
        if (signInId != null) {
            UUID id = GlobalId.decode(signInId, SIGN_IN, field + ".signInId");
            SignInLine line = sheet.stream().filter(s -> s.id().equals(id)).findFirst()
                    .orElseThrow(() -> ApiException.invalid(field + ".signInId", "Not a line of this session's sign-in sheet"));
            String named = blank(line.state()) ? null : canonical(line.state(), knownStates);
            if (named == null && blank(state)) {
                throw ApiException.invalid(field + ".state", "This participant named no state on the sign-in sheet: say which state");
            }
            if (named != null && !blank(state) && !named.equalsIgnoreCase(state.strip())) {
                throw ApiException.invalid(field + ".state", "The participant signed in for " + named);
            }
            return new CreditedState(named != null ? named : canonical(state, knownStates), id, line.agency());
        }
        if (!blank(state)) {
            return new CreditedState(canonical(state, knownStates), null, null);
        }
        TreeSet<String> named = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        sheet.stream().map(SignInLine::state).filter(s -> !blank(s)).map(s -> canonical(s, knownStates)).forEach(named::add);
        if (named.size() > 1) {
            throw ApiException.invalid(field + ".state", "Participants came from " + String.join(", ", named)
                    + ": say which state this is for, or the participant (signInId)");
        }
        return new CreditedState(named.isEmpty() ? sessionState : named.first(), null, null);
    }

    private static String canonical(String state, Collection<String> knownStates) {
        String given = state.strip().replaceAll("\\s+", " ");
        Optional<String> known = knownStates.stream().filter(k -> k.equalsIgnoreCase(given)).findFirst();
        return known.orElse(given);
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
