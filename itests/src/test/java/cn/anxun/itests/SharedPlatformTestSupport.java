package cn.anxun.itests;

import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;

/**
 * A test class that needs nothing but the shipped configuration, and so shares one booted platform with the others of
 * {@link SharedPlatformIT}. It makes its own institutions, learners and staff, and leaves the platform as it found
 * it: configuration it changes is put back, plugins it installs are removed.
 */
@ExamReactorStrategy(PerSuite.class)
public abstract class SharedPlatformTestSupport extends AnxunTestSupport {
}
