package cn.anxun.institutions;

import java.util.List;

/** What a city regulator enters, or a CSV row carries, for one offline institution. */
public record OfflineInstitutionEntry(String name, String creditCode, String filingNumber, String siteAddress,
        List<String> programmes, OfflineInstitution.Status status) {
}
