package cn.anxun.institutions;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

import cn.anxun.identity.Caller;

/**
 * Each city's register of reported offline institutions. The city's regulator keeps it; the province regulator
 * and the platform operator read it. An institution is one entry per city, found by its credit code.
 */
@ProviderType
public interface OfflineRegister {

    /** The outcome of an import: how many entries were added and how many replaced. */
    record Import(int added, int replaced) {
    }

    List<OfflineInstitution> list(Caller caller, String city);

    OfflineInstitution get(Caller caller, String city, String id);

    /** @throws cn.anxun.identity.ConflictException if the city's register has the credit code already */
    OfflineInstitution add(Caller caller, String city, OfflineInstitutionEntry entry);

    OfflineInstitution update(Caller caller, String city, String id, OfflineInstitutionEntry entry);

    /**
     * Imports a CSV file (UTF-8 or GBK) with the header {@code name,creditCode,filingNumber,siteAddress,programmes,status}
     * ({@code programmes} separated by {@code ;}). Rows whose credit code is in the register replace the entry.
     * All or nothing: a file with one bad row imports nothing, and the refusal names every bad row and field.
     */
    Import importCsv(Caller caller, String city, byte[] csv);
}
