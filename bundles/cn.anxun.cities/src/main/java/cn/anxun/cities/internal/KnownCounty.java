package cn.anxun.cities.internal;

import javax.persistence.Column;
import javax.persistence.Embeddable;

import cn.anxun.api.city.County;

/** A county of a known city, as its module last described it. */
@Embeddable
public class KnownCounty {

    @Column(name = "CODE", length = 6, nullable = false)
    private String code;

    @Column(name = "NAME", length = 64, nullable = false)
    private String name;

    protected KnownCounty() {
    }

    KnownCounty(County county) {
        this.code = county.code();
        this.name = county.name();
    }

    County toCounty() {
        return new County(code, name);
    }
}
