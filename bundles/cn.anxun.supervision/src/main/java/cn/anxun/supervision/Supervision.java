package cn.anxun.supervision;

import cn.anxun.classes.Breakdown;
import cn.anxun.identity.Caller;

/** The regulators' figures of a region, each narrowed to what the caller may read. */
public interface Supervision {

    /**
     * The region's training now, broken down.
     *
     * @param region a city or county code, the province's, or {@code null} for the caller's region (the province
     *        for a caller bound to none)
     * @throws cn.anxun.identity.InvalidInputException if the region is not in Guangdong
     * @throws cn.anxun.identity.AccessDeniedException if the caller may not read the region's enrolments
     */
    Overview overview(Caller caller, String region, Breakdown by);
}
