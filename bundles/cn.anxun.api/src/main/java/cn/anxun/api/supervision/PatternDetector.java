package cn.anxun.api.supervision;

import java.time.Instant;
import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;

/** Finds one kind of suspicious pattern in the records of its bundle. */
@ConsumerType
public interface PatternDetector {

    /** The kind of pattern, stable and lower case, e.g. {@code shared-face}. */
    String kind();

    /** What it finds, for people, in Chinese, e.g. 一张人脸对应多个身份证号. */
    String label();

    /**
     * What shows in the records made or changed in the period: each suspicion once per key, however often the period
     * is looked at again.
     *
     * @param from inclusive
     * @param until exclusive
     */
    List<Suspicion> detect(Instant from, Instant until);
}
