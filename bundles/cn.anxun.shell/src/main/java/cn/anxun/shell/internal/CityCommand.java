package cn.anxun.shell.internal;

import java.io.PrintStream;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import cn.anxun.api.city.County;
import cn.anxun.cities.City;
import cn.anxun.cities.CityRegistry;

@Service
@Command(scope = "anxun", name = "city", description = "Shows one city: its bureau, list link and county-level divisions")
public class CityCommand implements Action {

    @Reference
    private CityRegistry registry;

    @Argument(name = "code", description = "GB/T 2260 code of the city, e.g. 440100", required = true)
    private String code;

    @Override
    public Object execute() {
        PrintStream out = System.out;
        City city = registry.find(code).orElse(null);
        if (city == null) {
            out.println("No module for city " + code + " has ever been installed. anxun:cities lists the known ones.");
            return null;
        }
        out.println(city.code() + " " + city.module().name() + (city.installed() ? " (installed: " + city.source() + ")"
                : " (removed " + Times.format(city.lastRemoved()) + ")"));
        out.println("Bureau:            " + city.module().bureau());
        out.println("Institution list:  " + city.module().institutionListUrl());
        out.println("First installed:   " + Times.format(city.firstInstalled()));
        out.println("County-level divisions: " + city.module().counties().size());
        for (County county : city.module().counties()) {
            out.println("  " + county.code() + " " + county.name());
        }
        return null;
    }
}
