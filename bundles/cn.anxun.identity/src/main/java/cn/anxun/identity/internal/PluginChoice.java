package cn.anxun.identity.internal;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The installed plugins of one kind, by id, and the one the configuration names. When that one is not installed,
 * the embedded default stands in with a warning, so that a plugin being swapped never fails a caller.
 */
final class PluginChoice<T> {

    private static final Logger LOG = LoggerFactory.getLogger(PluginChoice.class);

    private final String kind;
    private final String defaultId;
    private final Function<T, String> id;
    private final Map<String, T> installed = new ConcurrentHashMap<>();

    PluginChoice(String kind, String defaultId, Function<T, String> id) {
        this.kind = kind;
        this.defaultId = defaultId;
        this.id = id;
    }

    void add(T plugin) {
        installed.put(id.apply(plugin), plugin);
    }

    void remove(T plugin) {
        installed.remove(id.apply(plugin), plugin);
    }

    T chosen(String configuredId) {
        T configured = installed.get(configuredId);
        if (configured != null) {
            return configured;
        }
        LOG.warn("{} '{}' is not installed; '{}' stands in meanwhile", kind, configuredId, defaultId);
        return Optional.ofNullable(installed.get(defaultId))
                .orElseThrow(() -> new IllegalStateException("no " + kind + " is installed"));
    }
}
