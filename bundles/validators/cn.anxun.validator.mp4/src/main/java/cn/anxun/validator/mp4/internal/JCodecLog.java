package cn.anxun.validator.mp4.internal;

import org.jcodec.common.logging.Logger;
import org.slf4j.LoggerFactory;

/** JCodec writes its log to standard output unless it is given a sink before its first message. */
final class JCodecLog {

    private static final org.slf4j.Logger LOG = LoggerFactory.getLogger("org.jcodec");

    private JCodecLog() {
    }

    static synchronized void toSlf4j() {
        try {
            Logger.addSink(message -> LOG.debug("{}", message.getMessage()));
        } catch (IllegalStateException started) {
            // the sink was given when the bundle started before
        }
    }
}
