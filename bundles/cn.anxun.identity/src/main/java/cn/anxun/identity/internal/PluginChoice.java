package cn.anxun.identity.internal;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.anxun.identity.ServiceUnavailableException;

/**
 * The installed plugins of one kind, by id, and the one the configuration names. When that one is not installed,
 * requests that need it are refused (503) rather than served by the weaker embedded default: a verifier or an
 * authenticator that was configured on purpose must not be bypassed by uninstalling it.
 */
final class PluginChoice<T> {

    private static final Logger LOG = LoggerFactory.getLogger(PluginChoice.class);

    private final String kind;
    private final Function<T, String> id;
    private final Map<String, T> installed = new ConcurrentHashMap<>();

    PluginChoice(String kind, Function<T, String> id) {
        this.kind = kind;
        this.id = id;
    }

    void add(T plugin) {
        installed.put(id.apply(plugin), plugin);
    }

    void remove(T plugin) {
        installed.remove(id.apply(plugin), plugin);
    }

    /** The plugin of that id, if it is installed now. */
    Optional<T> installed(String id) {
        return Optional.ofNullable(installed.get(id));
    }

    T chosen(String configuredId) {
        return installed(configuredId).orElseThrow(() -> {
            LOG.warn("{} '{}' is configured but not installed; requests that need it are refused", kind, configuredId);
            return new ServiceUnavailableException("The " + kind + " '" + configuredId + "' this platform is "
                    + "configured to use is not installed at the moment. Try again later; operators see it in the "
                    + "log.");
        });
    }
}
