package cn.anxun.rest.internal;

import java.util.List;
import java.util.function.Supplier;

import cn.anxun.platform.schema.BundleSchema;
import cn.anxun.platform.schema.Schemas;
import cn.anxun.rest.internal.HealthResource.Check;
import cn.anxun.rest.internal.HealthResource.Status;

/**
 * The tables of every bundle that keeps records are current. A bundle whose tables were written by a newer version,
 * or whose migration failed, keeps its records closed; this check says which and why.
 */
final class SchemaCheck implements ReadinessCheck {

    private final Supplier<Schemas> schemas;

    SchemaCheck(Supplier<Schemas> schemas) {
        this.schemas = schemas;
    }

    @Override
    public List<Check> run() {
        Schemas current = schemas.get();
        if (current == null) {
            return List.of(new Check("schema", Status.DOWN, "no tables are migrated until the database is there"));
        }
        List<BundleSchema> all = current.all();
        List<Check> failed = all.stream().filter(schema -> schema.status() != BundleSchema.Status.CURRENT)
                .map(schema -> new Check("schema " + schema.bundle(), Status.DOWN, schema.status() + ": " + schema.detail()))
                .toList();
        return failed.isEmpty() ? List.of(new Check("schema", Status.UP, "tables of " + all.size() + " bundles current"))
                : failed;
    }
}
