package org.casebridge.agency;

import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.casebridge.access.AccessPolicy;
import org.casebridge.access.AuditLog;
import org.casebridge.access.Caller;
import org.casebridge.access.DirectoryPolicy;
import org.casebridge.agency.ServiceInputs.CreateServiceInput;
import org.casebridge.agency.ServiceInputs.RetireServiceInput;
import org.casebridge.agency.ServiceInputs.ServiceFilter;
import org.casebridge.agency.ServiceInputs.UpdateServiceInput;
import org.casebridge.graphql.ApiException;
import org.casebridge.graphql.GlobalId;
import org.casebridge.graphql.IdempotencyKeys;
import org.casebridge.graphql.InputValidation;
import org.casebridge.graphql.PageRequest;
import org.casebridge.graphql.TotalCount;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The referral-pathway directory: agencies and the services they offer, and who may change them. */
@ApplicationScoped
public class DirectoryService {

    private final AccessPolicy access;
    private final DirectoryPolicy directoryPolicy;
    private final AuditLog audit;
    private final InputValidation validation;
    private final IdempotencyKeys idempotencyKeys;
    private final Clock clock;

    public DirectoryService(AccessPolicy access, DirectoryPolicy directoryPolicy, AuditLog audit, InputValidation validation, IdempotencyKeys idempotencyKeys, Clock clock) {
        this.clock = clock;
        this.access = access;
        this.directoryPolicy = directoryPolicy;
        this.audit = audit;
        this.validation = validation;
        this.idempotencyKeys = idempotencyKeys;
    }

    public AgencyConnection agencies(PageRequest page) {
        directoryPolicy.mayReadDirectory();
        UUID after = page.afterId();
        List<Agency> rows = (after == null ? Agency.find("order by id" + page.limit())
                : Agency.find("id > ?1 order by id" + page.limit(), after)).list();
        return new AgencyConnection(page, rows, TotalCount.of("from Agency"));
    }

    public Optional<AgencyNode> agency(String code) {
        directoryPolicy.mayReadDirectory();
        return Agency.byCode(code).map(AgencyNode::of);
    }

    public Optional<AgencyNode> agencyById(UUID id) {
        directoryPolicy.mayReadDirectory();
        return Agency.<Agency>findByIdOptional(id).map(AgencyNode::of);
    }

    public ServiceConnection services(ServiceFilter filter, PageRequest page) {
        directoryPolicy.mayReadDirectory();
        if (filter != null) {
            validation.check(filter);
        }
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (filter == null || !Boolean.TRUE.equals(filter.includeRetired())) {
            where.add("s.retiredAt is null");
        }
        if (filter != null && filter.type() != null) {
            where.add("s.type = :type");
            params.and("type", filter.type());
        }
        if (filter != null && filter.state() != null) {
            where.add("a.state = :state");
            params.and("state", filter.state());
        }
        if (filter != null && filter.agencyCode() != null) {
            where.add("a.code = :agencyCode");
            params.and("agencyCode", filter.agencyCode());
        }
        if (filter != null && filter.acceptingReferrals() != null) {
            where.add("s.acceptingReferrals = :accepting");
            params.and("accepting", filter.acceptingReferrals());
        }
        String condition = where.isEmpty() ? "true" : String.join(" and ", where);
        long total = TotalCount.of("from ServiceOffering s join s.agency a where " + condition, params);
        UUID after = page.afterId();
        if (after != null) {
            condition += " and s.id > :after";
            params.and("after", after);
        }
        List<ServiceOffering> rows = ServiceOffering
                .find("from ServiceOffering s join fetch s.agency a where " + condition + " order by s.id" + page.limit(), params)
                .list();
        return new ServiceConnection(page, rows, total);
    }

    public Optional<ServiceNode> service(UUID id) {
        directoryPolicy.mayReadDirectory();
        return ServiceOffering.<ServiceOffering>findByIdOptional(id).map(ServiceNode::of);
    }

    @Transactional
    public ServiceNode createService(CreateServiceInput input) {
        validation.check(input);
        Caller caller = access.caller();
        Agency agency = Agency.byCode(caller.agencyCode()).orElse(null);
        directoryPolicy.mayManageDirectoryOf("service.create", null, agency == null ? null : agency.code);
        UUID id = UUID.randomUUID();
        Optional<UUID> earlier = idempotencyKeys.claim(caller.subject(), "createService", input.idempotencyKey(), id);
        if (earlier.isPresent()) {
            return ServiceNode.of(ServiceOffering.findById(earlier.get()));
        }
        ServiceOffering service = new ServiceOffering();
        service.id = id;
        service.agency = agency;
        service.type = input.type();
        service.name = input.name().strip();
        service.description = input.description();
        service.eligibility = input.eligibility();
        service.languages = input.languages() == null ? List.of() : input.languages();
        service.areaServed = input.areaServed();
        service.hours = input.hours();
        service.acceptingReferrals = input.acceptingReferrals() == null || input.acceptingReferrals();
        service.persist();
        audit.allowed(caller, AuditLog.Entry.of("service.create", ServiceNode.TYPE, id, null).withDetail(service.type.name()));
        return ServiceNode.of(service);
    }

    @Transactional
    public ServiceNode updateService(UpdateServiceInput input) {
        validation.check(input);
        ServiceOffering service = editable("service.update", input.id(), input.version());
        if (input.type() != null) service.type = input.type();
        if (input.name() != null) service.name = input.name().strip();
        if (input.description() != null) service.description = input.description();
        if (input.eligibility() != null) service.eligibility = input.eligibility();
        if (input.languages() != null) service.languages = input.languages();
        if (input.areaServed() != null) service.areaServed = input.areaServed();
        if (input.hours() != null) service.hours = input.hours();
        if (input.acceptingReferrals() != null) service.acceptingReferrals = input.acceptingReferrals();
        ServiceOffering.flush();
        audit.allowed(access.caller(), AuditLog.Entry.of("service.update", ServiceNode.TYPE, service.id, null));
        return ServiceNode.of(service);
    }

    @Transactional
    public ServiceNode retireService(RetireServiceInput input) {
        validation.check(input);
        ServiceOffering service = editable("service.retire", input.id(), input.version());
        if (service.retiredAt == null) {
            service.retiredAt = OffsetDateTime.now(clock);
            service.acceptingReferrals = false;
        }
        ServiceOffering.flush();
        audit.allowed(access.caller(), AuditLog.Entry.of("service.retire", ServiceNode.TYPE, service.id, null));
        return ServiceNode.of(service);
    }

    /** The service, if the caller administers its agency and saw its current version. */
    private ServiceOffering editable(String action, String globalId, long version) {
        UUID id = GlobalId.decode(globalId, ServiceNode.TYPE, "input.id");
        ServiceOffering service = ServiceOffering.<ServiceOffering>findByIdOptional(id)
                .orElseThrow(() -> ApiException.notFound("Service"));
        directoryPolicy.mayManageDirectoryOf(action, id, service.agency.code);
        ApiException.requireVersion("service", service.version, version);
        return service;
    }
}
