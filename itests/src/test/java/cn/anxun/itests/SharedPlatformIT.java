package cn.anxun.itests;

import org.junit.runner.RunWith;
import org.junit.runners.Suite;

/**
 * The test classes on the shipped configuration, run against one booted platform instead of one each: a boot is about
 * 35 s of the suite's time per class and database. The build runs these classes only through this suite (the failsafe
 * configuration excludes them one by one); {@code -Dit.test=CoursesIT} still runs one alone, and
 * {@code -Dit.test=PlatformIT#livenessAnswers} one test (a method filter on this suite would leave the platform
 * running). The platform's own checks come first, while its tables hold only what they write; programmes are counted
 * before a course review adds one. A platform that fails to boot fails every class.
 */
@RunWith(Suite.class)
@Suite.SuiteClasses({
    PlatformIT.class,
    IdentityIT.class,
    RegistrationsIT.class,
    InstitutionsIT.class,
    ProgrammesIT.class,
    CoursesIT.class,
    CourseReviewIT.class,
    MediaIT.class,
    ValidatorsIT.class,
    FaceIT.class,
    SupervisionIT.class,
    FindingsIT.class,
    SupportIT.class,
    FeedIT.class,
    FlagsIT.class,
    CityModuleHotDeployIT.class,
    PluginContractIT.class,
})
public class SharedPlatformIT {
}
