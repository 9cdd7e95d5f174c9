package org.casebridge.supervision;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import org.casebridge.access.AccessPolicy;
import org.casebridge.graphql.GlobalId;
import org.casebridge.supervision.SupervisionTypes.Area;
import org.casebridge.supervision.SupervisionTypes.Example;
import org.casebridge.supervision.SupervisionTypes.ObservationAreaCode;
import org.casebridge.supervision.SupervisionTypes.Template;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The observation tool: its areas and example behaviours, by version (the standard one shipped in V3). */
@ApplicationScoped
public class ObservationTool {

    /** The standard tool shipped in V3; agencies' edited tools are new template versions. */
    static final UUID STANDARD_TEMPLATE = UUID.fromString("0b5e0000-0000-4000-8000-000000000001");

    private final AccessPolicy access;
    private final EntityManager em;

    public ObservationTool(AccessPolicy access, EntityManager em) {
        this.access = access;
        this.em = em;
    }

    record ExampleRow(UUID id, UUID areaId, ObservationAreaCode area, String areaTitle, String areaPurpose, String text) {
        static ExampleRow of(Tuple t) {
            return new ExampleRow(t.get("id", UUID.class), t.get("area_id", UUID.class), ObservationAreaCode.valueOf(t.get("code", String.class)),
                    t.get("title", String.class), t.get("purpose", String.class), t.get("text", String.class));
        }
    }

    record ToolVersion(UUID id, String name, int version) {
        static ToolVersion of(Tuple t) {
            return new ToolVersion(t.get("id", UUID.class), t.get("name", String.class), t.get("version", Number.class).intValue());
        }
    }

    List<ToolVersion> toolVersions(Collection<UUID> ids) {
        List<Tuple> rows = em.createNativeQuery("select id, name, version from observation_template where id = any(?1)", Tuple.class)
                .setParameter(1, ids.toArray(UUID[]::new)).getResultList();
        return rows.stream().map(ToolVersion::of).toList();
    }

    public Template template() {
        access.caller();
        return template(STANDARD_TEMPLATE);
    }

    private Template template(UUID templateId) {
        ToolVersion head = toolVersions(List.of(templateId)).get(0);
        Map<ObservationAreaCode, Area> areas = new LinkedHashMap<>();
        Map<ObservationAreaCode, List<Example>> examples = new EnumMap<>(ObservationAreaCode.class);
        for (ExampleRow row : exampleRows(templateId)) {
            examples.computeIfAbsent(row.area(), a -> new ArrayList<>()).add(new Example(GlobalId.encode("ObservationExample", row.id()), row.text()));
            areas.putIfAbsent(row.area(), new Area(row.area(), row.areaTitle(), row.areaPurpose(), examples.get(row.area())));
        }
        return new Template(GlobalId.encode("ObservationTemplate", head.id()), head.name(), head.version(), List.copyOf(areas.values()));
    }

    List<ExampleRow> exampleRows(UUID templateId) {
        List<Tuple> rows = em.createNativeQuery("""
                        select e.id, a.id as area_id, a.code, a.title, a.purpose, e.text from observation_area a
                        join observation_example e on e.area_id = a.id where a.template_id = ?1 order by a.position, e.position""", Tuple.class)
                .setParameter(1, templateId).getResultList();
        return rows.stream().map(ExampleRow::of).toList();
    }
}
