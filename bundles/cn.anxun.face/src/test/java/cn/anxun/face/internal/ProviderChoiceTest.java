package cn.anxun.face.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.Test;

import cn.anxun.api.face.FaceComparison;
import cn.anxun.api.face.FaceDetection;
import cn.anxun.api.face.FaceProvider;
import cn.anxun.api.face.FaceReason;
import cn.anxun.api.face.FaceTemplate;

public class ProviderChoiceTest {

    private static final byte[] PHOTO = {1};
    /** For providers that compare images: never asked. */
    private static final ProviderChoice.References NO_TEMPLATES = (provider, model) -> {
        throw new AssertionError("a provider that compares images needs no kept template");
    };

    @Test
    public void aCityMayHaveItsOwnProviderAndThreshold() {
        ProviderChoice choice = choice(Map.of("provider", "embedded", "cityProviders",
                new String[] {"440300=vendor:61.5, 440200=embedded:0.6", "not an entry", ""}));
        choice.addProvider(provider("embedded", 0.4, 0.5));
        choice.addProvider(provider("vendor", 50, 70));
        assertEquals(new ProviderChoice.Compared("embedded", 0.4, FaceComparison.scored(0.5, 0.4)),
                choice.compare("440100", PHOTO, NO_TEMPLATES, PHOTO));
        assertEquals(new ProviderChoice.Compared("vendor", 61.5, FaceComparison.scored(70, 61.5)),
                choice.compare("440300", PHOTO, NO_TEMPLATES, PHOTO));
        assertEquals("entries separated by commas, as a .cfg file gives them",
                new ProviderChoice.Compared("embedded", 0.6, FaceComparison.scored(0.5, 0.6)),
                choice.compare("440200", PHOTO, NO_TEMPLATES, PHOTO));
    }

    @Test
    public void theFallbackAnswersWithItsOwnThresholdWhileTheConfiguredOneIsMissing() {
        ProviderChoice choice = choice(Map.of("provider", "vendor", "threshold", "80", "fallbackProvider", "embedded"));
        FaceProvider embedded = provider("embedded", 0.4, 0.3);
        choice.addProvider(embedded);
        assertEquals(new ProviderChoice.Compared("embedded", 0.4, FaceComparison.scored(0.3, 0.4)),
                choice.compare(null, PHOTO, NO_TEMPLATES, PHOTO));
        choice.removeProvider(embedded);
        ProviderChoice.Compared none = choice.compare(null, PHOTO, NO_TEMPLATES, PHOTO);
        assertNull(none.provider());
        assertEquals(FaceReason.PROVIDER_UNAVAILABLE, none.comparison().reason());
        assertEquals(FaceReason.PROVIDER_UNAVAILABLE, choice.detect(null, PHOTO).problem());
    }

    @Test
    public void aProviderThatThrowsIsUnavailableNotAnError() {
        ProviderChoice choice = choice(Map.of("provider", "broken"));
        choice.addProvider((FaceProvider) Proxy.newProxyInstance(FaceProvider.class.getClassLoader(),
                new Class<?>[] {FaceProvider.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "id", "label" -> "broken";
                    case "defaultThreshold" -> 1.0;
                    default -> throw new IllegalStateException("the vendor's library failed");
                }));
        assertEquals(FaceReason.PROVIDER_UNAVAILABLE, choice.compare(null, PHOTO, NO_TEMPLATES, PHOTO).comparison().reason());
        assertEquals(FaceReason.PROVIDER_UNAVAILABLE, choice.detect(null, PHOTO).problem());
    }

    @Test
    public void aProviderThatMakesTemplatesComparesTheCaptureWithTheKeptReferenceTemplate() {
        ProviderChoice choice = choice(Map.of("provider", "templates"));
        FaceProvider templates = new Templating();
        choice.addProvider(templates);
        List<String> asked = new ArrayList<>();
        ProviderChoice.References kept = (provider, model) -> {
            asked.add(model);
            return FaceTemplate.of(model, new float[] {1, 0});
        };
        ProviderChoice.Compared compared = choice.compare(null, new byte[] {9}, kept, new byte[] {1});
        assertEquals(List.of("m1"), asked);
        assertEquals(FaceComparison.Decision.MATCH, compared.comparison().decision());
        assertEquals(0.8, compared.comparison().score(), 1e-6);
        assertEquals(0.8, compared.similarity().applyAsDouble(compared.live(), FaceTemplate.of("m1",
                new float[] {1, 0})), 1e-6);
        ProviderChoice.Compared faceless = choice.compare(null, new byte[] {9}, kept, new byte[] {0});
        assertEquals(FaceReason.NO_FACE, faceless.comparison().reason());
        assertEquals("the reference template is not asked for when the capture has no face", 1, asked.size());
    }

    /** Makes the template (0.8, 0.6) of any image but {0}, which has no face; similarity is the dot product. */
    private static final class Templating implements FaceProvider {

        public String id() {
            return "templates";
        }

        public String label() {
            return "templates";
        }

        public double defaultThreshold() {
            return 0.5;
        }

        public FaceDetection detect(byte[] image) {
            return FaceDetection.of(List.of());
        }

        public FaceComparison compare(byte[] reference, byte[] live, double applied) {
            throw new AssertionError("a provider that makes templates is asked for templates");
        }

        @Override
        public Optional<FaceTemplate> template(byte[] image) {
            return Optional.of(image[0] == 0 ? FaceTemplate.failed("m1", FaceReason.NO_FACE)
                    : FaceTemplate.of("m1", new float[] {0.8f, 0.6f}));
        }

        @Override
        public double similarity(FaceTemplate a, FaceTemplate b) {
            return a.vector()[0] * b.vector()[0] + a.vector()[1] * b.vector()[1];
        }
    }

    private static FaceProvider provider(String id, double threshold, double score) {
        return new FaceProvider() {
            public String id() {
                return id;
            }

            public String label() {
                return id;
            }

            public double defaultThreshold() {
                return threshold;
            }

            public FaceDetection detect(byte[] image) {
                return FaceDetection.of(List.of());
            }

            public FaceComparison compare(byte[] reference, byte[] live, double applied) {
                return FaceComparison.scored(score, applied);
            }
        };
    }

    private static ProviderChoice choice(Map<String, Object> settings) {
        return new ProviderChoice((FaceConfig) Proxy.newProxyInstance(FaceConfig.class.getClassLoader(),
                new Class<?>[] {FaceConfig.class},
                (proxy, method, args) -> settings.getOrDefault(method.getName(), method.getDefaultValue())));
    }
}
