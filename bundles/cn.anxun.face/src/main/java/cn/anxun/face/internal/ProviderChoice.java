package cn.anxun.face.internal;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.function.ToDoubleBiFunction;
import java.util.regex.Pattern;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.anxun.api.face.FaceComparison;
import cn.anxun.api.face.FaceDetection;
import cn.anxun.api.face.FaceProvider;
import cn.anxun.api.face.FaceReason;
import cn.anxun.api.face.FaceTemplate;

/**
 * The installed face providers and the one that decides for a city: the city's own if configured, else the
 * province's. While that one is not installed, the fallback provider answers with its default threshold and a
 * warning is logged, so a vendor's plugin can be removed without failing a single check.
 */
@Component(service = ProviderChoice.class, configurationPid = FaceConfig.PID)
@Designate(ocd = FaceConfig.class)
public class ProviderChoice {

    private static final Logger LOG = LoggerFactory.getLogger(ProviderChoice.class);
    private static final Pattern CITY_PROVIDER = Pattern.compile("(\\d{6})=([\\w.-]+)(?::(.+))?");

    /** A provider and the score from which its answer is a match. */
    private record Chosen(FaceProvider provider, double threshold) {
    }

    /**
     * A comparison and who made it.
     *
     * @param provider the provider's id, or {@code null} if none could be asked
     * @param live the capture's template, when the provider compared templates
     * @param similarity the provider's measure of two of its templates, when it compared templates
     */
    record Compared(String provider, double threshold, FaceComparison comparison, FaceTemplate live,
            ToDoubleBiFunction<FaceTemplate, FaceTemplate> similarity) {

        /** What a replayed capture gets, without asking a provider. */
        static final Compared REPLAY = new Compared(null, Double.NaN, new FaceComparison(
                FaceComparison.Decision.MISMATCH, Double.NaN, FaceReason.SUSPECTED_REPLAY));

        Compared(String provider, double threshold, FaceComparison comparison) {
            this(provider, threshold, comparison, null, null);
        }
    }

    /** Where a check finds the template of the learner's reference photo under a model, kept or made anew. */
    interface References {
        FaceTemplate of(FaceProvider provider, String model);
    }

    private record Setting(String provider, Double threshold) {
    }

    /** The configuration as one value, so that a check never sees half of a change. */
    private record Settings(Setting province, Map<String, Setting> cities, String fallback) {
    }

    private final Map<String, FaceProvider> installed = new ConcurrentHashMap<>();
    /** Configured providers found missing, warned about once until one comes. */
    private final Set<String> missing = ConcurrentHashMap.newKeySet();
    private volatile Settings settings;

    @Activate
    public ProviderChoice(FaceConfig config) {
        modified(config);
    }

    @Modified
    void modified(FaceConfig config) {
        Map<String, Setting> parsed = new HashMap<>();
        // a .cfg file gives "a, b" as one string
        for (String entry : Arrays.stream(config.cityProviders()).flatMap(value -> Arrays.stream(value.split(",")))
                .map(String::strip).filter(entry -> !entry.isEmpty()).toList()) {
            Matcher matcher = CITY_PROVIDER.matcher(entry);
            if (matcher.matches()) {
                parsed.put(matcher.group(1), new Setting(matcher.group(2), threshold(matcher.group(3), entry)));
            } else {
                LOG.error("cityProviders entry '{}' in {}.cfg is not <city code>=<provider id>[:<threshold>]; "
                        + "the city uses the province's provider", entry, FaceConfig.PID);
            }
        }
        settings = new Settings(new Setting(config.provider(), threshold(config.threshold(), "threshold")),
                Map.copyOf(parsed), config.fallbackProvider());
    }

    private static Double threshold(String value, String where) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Double.valueOf(value.strip());
        } catch (NumberFormatException e) {
            LOG.error("'{}' ({} in {}.cfg) is not a number; the provider's default threshold applies", value, where,
                    FaceConfig.PID);
            return null;
        }
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addProvider(FaceProvider provider) {
        installed.put(provider.id(), provider);
        missing.clear();
        LOG.info("face provider '{}' ({}) installed", provider.id(), provider.label());
    }

    void removeProvider(FaceProvider provider) {
        if (installed.remove(provider.id(), provider)) {
            LOG.info("face provider '{}' removed", provider.id());
        }
    }

    /** The faces in an image as the city's provider sees them; a provider that fails is unavailable. */
    FaceDetection detect(String city, byte[] image) {
        Optional<Chosen> chosen = forCity(city);
        if (chosen.isEmpty()) {
            return FaceDetection.failed(FaceReason.PROVIDER_UNAVAILABLE);
        }
        try {
            return chosen.get().provider().detect(image);
        } catch (RuntimeException e) {
            LOG.error("face provider '{}' failed to detect faces", chosen.get().provider().id(), e);
            return FaceDetection.failed(FaceReason.PROVIDER_UNAVAILABLE);
        }
    }

    /**
     * The city's provider's comparison: of the capture's template with the reference photo's kept one when the
     * provider makes templates, else of the two images. A provider that fails is unavailable.
     */
    Compared compare(String city, byte[] reference, References references, byte[] live) {
        Optional<Chosen> chosen = forCity(city);
        if (chosen.isEmpty()) {
            return new Compared(null, Double.NaN, FaceComparison.undecided(FaceReason.PROVIDER_UNAVAILABLE));
        }
        FaceProvider provider = chosen.get().provider();
        double threshold = chosen.get().threshold();
        try {
            Optional<FaceTemplate> template = provider.template(live);
            if (template.isEmpty()) {
                return new Compared(provider.id(), threshold, provider.compare(reference, live, threshold));
            }
            FaceTemplate kept = template.get().problem() == null ? references.of(provider, template.get().model())
                    : template.get();
            if (kept.problem() != null) {
                return new Compared(provider.id(), threshold, FaceComparison.undecided(kept.problem()));
            }
            return new Compared(provider.id(), threshold, FaceComparison.scored(provider.similarity(kept,
                    template.get()), threshold), template.get(), provider::similarity);
        } catch (RuntimeException e) {
            LOG.error("face provider '{}' failed to compare faces", provider.id(), e);
            return new Compared(provider.id(), threshold, FaceComparison.undecided(FaceReason.PROVIDER_UNAVAILABLE));
        }
    }

    /**
     * How alike two templates of a model are, by the installed provider that makes them, and the score from which
     * they are one face: the province's threshold if that provider is the province's, else its default. Empty while
     * no installed provider makes the model.
     */
    Optional<Measure> measure(String model) {
        Settings current = settings;
        return installed.values().stream().filter(provider -> model.startsWith(provider.id() + ":")).findFirst()
                .map(provider -> new Measure(provider::similarity, provider.id().equals(current.province().provider())
                        && current.province().threshold() != null ? current.province().threshold()
                                : provider.defaultThreshold()));
    }

    /** A provider's measure of two of its templates, and its threshold. */
    record Measure(ToDoubleBiFunction<FaceTemplate, FaceTemplate> similarity, double threshold) {
    }

    /** The provider for a city, or the fallback while that one is missing; empty if neither is installed. */
    private Optional<Chosen> forCity(String city) {
        Settings current = settings;
        Setting setting = city == null ? current.province() : current.cities().getOrDefault(city, current.province());
        FaceProvider configured = installed.get(setting.provider());
        if (configured != null) {
            return Optional.of(new Chosen(configured, setting.threshold() == null ? configured.defaultThreshold()
                    : setting.threshold()));
        }
        FaceProvider standIn = installed.get(current.fallback());
        if (missing.add(setting.provider() + " " + city + " " + (standIn == null ? "" : standIn.id()))) {
            LOG.warn("face provider '{}' is configured{} but not installed; {}", setting.provider(),
                    city == null ? "" : " for " + city, standIn == null ? "no provider can check faces"
                            : "'" + standIn.id() + "' answers in its place");
        }
        return Optional.ofNullable(standIn).map(provider -> new Chosen(provider, provider.defaultThreshold()));
    }
}
