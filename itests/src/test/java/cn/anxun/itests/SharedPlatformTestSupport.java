package cn.anxun.itests;

import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;

/**
 * A test class on the shipped configuration, sharing one booted platform with the others of {@link SharedPlatformIT}.
 * It makes its own institutions, learners and staff and may leave them, and city modules it installed; configuration
 * it changes it puts back whole, other features and services it adds it removes, and it does not move the clock.
 */
@ExamReactorStrategy(PerSuite.class)
public abstract class SharedPlatformTestSupport extends AnxunTestSupport {

    /** The platform's options, made once: Pax Exam boots the first class's and drops the others'. */
    private static Option[] shared;

    @Configuration
    @Override
    public final Option[] configuration() {
        synchronized (SharedPlatformTestSupport.class) {
            if (shared == null) {
                shared = super.configuration();
            }
            return shared;
        }
    }
}
