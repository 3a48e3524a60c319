package cn.anxun.rest.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

import cn.anxun.platform.schema.BundleSchema;
import cn.anxun.platform.schema.Schemas;
import cn.anxun.rest.internal.HealthResource.Check;
import cn.anxun.rest.internal.HealthResource.Status;

/**
 * The tables of every bundle that keeps records are current. A bundle whose tables were written by a newer version,
 * or whose migration failed, keeps its records closed; this check says which and why.
 */
final class SchemaCheck implements ReadinessCheck {

    private final BundleContext context;
    private final Supplier<Schemas> schemas;

    SchemaCheck(BundleContext context, Supplier<Schemas> schemas) {
        this.context = context;
        this.schemas = schemas;
    }

    @Override
    public List<Check> run() {
        Schemas current = schemas.get();
        if (current == null) {
            return List.of(new Check("schema", Status.DOWN, "no tables are migrated until the database is there"));
        }
        List<BundleSchema> all = current.all();
        List<Check> failed = new ArrayList<>(all.stream().filter(schema -> schema.status() != BundleSchema.Status
                .CURRENT).map(schema -> new Check("schema " + schema.bundle(), Status.DOWN, schema.status() + ": "
                        + schema.detail())).toList());
        // at start, a bundle with a changelog is migrated only once it and the database are both there
        Set<String> seen = all.stream().map(BundleSchema::bundle).collect(Collectors.toSet());
        for (Bundle bundle : context.getBundles()) {
            String name = bundle.getSymbolicName() + " " + bundle.getVersion();
            if (bundle.getState() == Bundle.ACTIVE && bundle.getHeaders("").get(Schemas.HEADER) != null
                    && !seen.contains(name)) {
                failed.add(new Check("schema " + name, Status.DOWN, "not migrated yet"));
            }
        }
        return failed.isEmpty() ? List.of(new Check("schema", Status.UP, "tables of " + all.size() + " bundles current"))
                : failed;
    }
}
