package cn.anxun.api.media;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What a validator found in a file.
 *
 * @param duration how long the file plays, measured from its streams; {@code null} for a still picture or when the
 *        validator does not measure it
 * @param measures figures for people who look into a finding, e.g. {@code resolution=1280x720}
 * @param findings the defects, in the order of where they are
 */
public record MediaReport(Duration duration, Map<String, String> measures, List<Finding> findings) {

    public MediaReport {
        measures = Map.copyOf(measures);
        findings = List.copyOf(findings);
    }
}
