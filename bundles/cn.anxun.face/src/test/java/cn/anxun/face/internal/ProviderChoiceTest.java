package cn.anxun.face.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;

import org.junit.Test;

import cn.anxun.api.face.FaceComparison;
import cn.anxun.api.face.FaceDetection;
import cn.anxun.api.face.FaceProvider;
import cn.anxun.api.face.FaceReason;

public class ProviderChoiceTest {

    private static final byte[] PHOTO = {1};

    @Test
    public void aCityMayHaveItsOwnProviderAndThreshold() {
        ProviderChoice choice = choice(Map.of("provider", "embedded", "cityProviders",
                new String[] {"440300=vendor:61.5, 440200=embedded:0.6", "not an entry", ""}));
        choice.addProvider(provider("embedded", 0.4, 0.5));
        choice.addProvider(provider("vendor", 50, 70));
        assertEquals(new ProviderChoice.Compared("embedded", 0.4, FaceComparison.scored(0.5, 0.4)),
                choice.compare("440100", PHOTO, PHOTO));
        assertEquals(new ProviderChoice.Compared("vendor", 61.5, FaceComparison.scored(70, 61.5)),
                choice.compare("440300", PHOTO, PHOTO));
        assertEquals("entries separated by commas, as a .cfg file gives them",
                new ProviderChoice.Compared("embedded", 0.6, FaceComparison.scored(0.5, 0.6)),
                choice.compare("440200", PHOTO, PHOTO));
    }

    @Test
    public void theFallbackAnswersWithItsOwnThresholdWhileTheConfiguredOneIsMissing() {
        ProviderChoice choice = choice(Map.of("provider", "vendor", "threshold", "80", "fallbackProvider", "embedded"));
        FaceProvider embedded = provider("embedded", 0.4, 0.3);
        choice.addProvider(embedded);
        assertEquals(new ProviderChoice.Compared("embedded", 0.4, FaceComparison.scored(0.3, 0.4)),
                choice.compare(null, PHOTO, PHOTO));
        choice.removeProvider(embedded);
        ProviderChoice.Compared none = choice.compare(null, PHOTO, PHOTO);
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
        assertEquals(FaceReason.PROVIDER_UNAVAILABLE, choice.compare(null, PHOTO, PHOTO).comparison().reason());
        assertEquals(FaceReason.PROVIDER_UNAVAILABLE, choice.detect(null, PHOTO).problem());
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
