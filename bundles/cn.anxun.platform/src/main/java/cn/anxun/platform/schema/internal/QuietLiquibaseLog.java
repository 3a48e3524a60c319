package cn.anxun.platform.schema.internal;

import java.util.logging.Level;

import liquibase.logging.Logger;
import liquibase.logging.core.AbstractLogService;
import liquibase.logging.core.AbstractLogger;

import org.slf4j.LoggerFactory;

/**
 * Liquibase's log in ours, one level down: its dozens of progress lines per migration become DEBUG, its warnings
 * and errors stay what they are. The extender logs the outcome of each migration itself.
 */
final class QuietLiquibaseLog extends AbstractLogService {

    @Override
    public int getPriority() {
        return PRIORITY_SPECIALIZED;
    }

    @Override
    public Logger getLog(Class clazz) {
        org.slf4j.Logger log = LoggerFactory.getLogger(clazz);
        // analytics is off, and Liquibase 4.33 then reports a NullPointerException of its own after every command
        boolean analytics = clazz.getName().startsWith("liquibase.analytics.");
        return new AbstractLogger() {
            @Override
            public void log(Level level, String message, Throwable e) {
                if (analytics) {
                    log.debug(message, e);
                } else if (level.intValue() >= Level.SEVERE.intValue()) {
                    log.error(message, e);
                } else if (level.intValue() >= Level.WARNING.intValue()) {
                    log.warn(message, e);
                } else {
                    log.debug(message, e);
                }
            }
        };
    }
}
