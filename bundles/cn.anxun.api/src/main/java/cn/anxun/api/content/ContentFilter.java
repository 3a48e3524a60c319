package cn.anxun.api.content;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Screens text written by users before it is shown. A filter that cannot decide (its service is down) holds the
 * text back rather than let it through.
 */
@ConsumerType
public interface ContentFilter {

    /** Stable identifier, kept with each screening, e.g. {@code keywords}. */
    String id();

    Screening screen(String text);
}
