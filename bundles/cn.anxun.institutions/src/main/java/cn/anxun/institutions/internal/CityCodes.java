package cn.anxun.institutions.internal;

import cn.anxun.identity.InvalidInputException;
import cn.anxun.identity.Regions;
import cn.anxun.identity.Role;

/** Codes of the prefecture-level cities of Guangdong, which registers and registrations are kept for. */
final class CityCodes {

    private CityCodes() {
    }

    static void require(String city) {
        if (city == null || !Regions.covers(Regions.PROVINCE, city) || Regions.regulatorRole(city) != Role.CITY_REGULATOR) {
            throw new InvalidInputException("city", "guangdong-city", "must be the GB/T 2260 code of a "
                    + "prefecture-level city of Guangdong, e.g. 440100");
        }
    }
}
