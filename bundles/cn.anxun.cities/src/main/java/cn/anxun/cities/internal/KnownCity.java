package cn.anxun.cities.internal;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import javax.persistence.CollectionTable;
import javax.persistence.Column;
import javax.persistence.ElementCollection;
import javax.persistence.Entity;
import javax.persistence.FetchType;
import javax.persistence.Id;
import javax.persistence.JoinColumn;
import javax.persistence.NamedQuery;
import javax.persistence.OrderColumn;
import javax.persistence.Table;

import cn.anxun.api.city.CityModule;

/** A city this platform has had a module for, kept after the module is gone. */
@Entity
@Table(name = "KNOWN_CITY")
@NamedQuery(name = KnownCity.ALL, query = "SELECT c FROM KnownCity c ORDER BY c.code")
public class KnownCity {

    static final String ALL = "KnownCity.all";

    @Id
    @Column(name = "CODE", length = 6)
    private String code;

    @Column(name = "NAME", length = 64, nullable = false)
    private String name;

    @Column(name = "BUREAU", length = 64, nullable = false)
    private String bureau;

    @Column(name = "INSTITUTION_LIST_URL", length = 1024, nullable = false)
    private String institutionListUrl;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "KNOWN_CITY_COUNTY", joinColumns = @JoinColumn(name = "CITY_CODE"))
    @OrderColumn(name = "POSITION")
    private List<KnownCounty> counties = new ArrayList<>();

    @Column(name = "FIRST_INSTALLED", nullable = false)
    private Instant firstInstalled;

    @Column(name = "LAST_INSTALLED", nullable = false)
    private Instant lastInstalled;

    @Column(name = "LAST_REMOVED")
    private Instant lastRemoved;

    protected KnownCity() {
    }

    KnownCity(CityModule module, Instant now) {
        this.code = module.code();
        this.firstInstalled = now;
        installed(module, now);
    }

    /** A module for this city came up: keep its current description. */
    void installed(CityModule module, Instant now) {
        name = module.name();
        bureau = module.bureau();
        institutionListUrl = module.institutionListUrl().toString();
        counties.clear();
        module.counties().forEach(county -> counties.add(new KnownCounty(county)));
        lastInstalled = now;
    }

    void removed(Instant now) {
        lastRemoved = now;
    }

    String code() {
        return code;
    }

    CityModule module() {
        return new CityModule(code, name, bureau, URI.create(institutionListUrl),
                counties.stream().map(KnownCounty::toCounty).toList());
    }

    Instant firstInstalled() {
        return firstInstalled;
    }

    Instant lastInstalled() {
        return lastInstalled;
    }

    Instant lastRemoved() {
        return lastRemoved;
    }
}
