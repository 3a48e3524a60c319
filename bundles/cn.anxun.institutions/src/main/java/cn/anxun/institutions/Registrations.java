package cn.anxun.institutions;

import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.osgi.annotation.versioning.ProviderType;

import cn.anxun.cities.City;
import cn.anxun.identity.Caller;
import cn.anxun.identity.RegionQuery;
import cn.anxun.identity.RecordKind;
import cn.anxun.identity.Scope;

/**
 * Registration of online training institutions in cities. An institution's administrator
 * uploads its written intent and submits it to a city; the city regulator approves it (only for an institution in
 * the city's register of offline institutions) or rejects it, and later may suspend, reinstate or revoke it.
 * Approvals and later changes are announced publicly and reported to the province. Each step is audited.
 */
@ProviderType
public interface Registrations {

    /** Stores a written intent of the caller's institution: a readable PDF within the configured size. */
    SubmittedDocument uploadLetter(Caller caller, String institutionId, String filename, InputStream pdf);

    /** A document an institution submitted, for its staff, the operator and the province regulator. */
    SubmittedDocument.Content document(Caller caller, String institutionId, String documentId);

    /**
     * Submits an intent to a city whose module is installed; one open registration per city for an institution and
     * for a credit code.
     */
    Registration submit(Caller caller, String city, Intent intent);

    /** A city's registrations, optionally of one status, newest first. */
    List<Registration> ofCity(Caller caller, String city, Registration.Status status);

    /**
     * The registrations in the caller's reach that match the query, newest submitted first: a region filter
     * selects by the city registered with (a county's, the city it lies in), dates by the day of submission (China
     * time).
     *
     * @throws cn.anxun.identity.InvalidInputException naming a filter or the page position that is not valid
     * @since 2.1
     */
    RegistrationList list(Caller caller, RegionQuery query);

    /**
     * The cities whose regulators supervise the institution: those where it is registered or suspended. Public, as
     * the cities' listings are.
     */
    Set<String> supervisingCities(String institutionId);

    /**
     * The institutions the city's regulators supervise: those registered or suspended there. Public, as the city's
     * listing is.
     *
     * @since 2.2
     */
    Set<String> supervisedIn(String city);

    /**
     * The cities where the institution may train now: those where it is registered, not suspended or revoked.
     *
     * @since 1.3
     */
    Set<String> trainingCities(String institutionId);

    /**
     * The registration under which the institution trains or trained in the city: the latest approved one, whatever
     * its status now; its number is what the institution's certificates of the city name.
     *
     * @since 1.4
     */
    Optional<Registration> approved(String institutionId, String city);

    /**
     * A record of the kind that belongs to the institution, for the access policy: it lies in the institution's
     * supervising cities.
     *
     * @param id what the record's audit target names, e.g. a course id
     * @since 2.0
     */
    default Scope scope(RecordKind kind, String id, String institutionId) {
        return Scope.institution(kind, id, institutionId, supervisingCities(institutionId));
    }

    Registration get(Caller caller, String id);

    /** The written intent of a registration; the read is audited. */
    SubmittedDocument.Content letter(Caller caller, String id);

    /** Takes a step; only the regulator of the registration's city may, and not for their own institution. */
    Registration decide(Caller caller, String id, Decision decision);

    /** The reports of the cities to the province, newest first; for the province regulator and the operator. */
    List<ProvinceReport> provinceReports(Caller caller, String city);

    /** The public listing of a city whose module is installed; needs no login. */
    PublicListing publicListing(City city);

    /** An institution's own records, for its staff, the operator and the province regulator. */
    InstitutionRecords records(Caller caller, String institutionId);

    /** The registrations as CSV (UTF-8 with BOM), one row per step of each, with the registration's letter. */
    String recordsCsv(Caller caller, String institutionId);
}
