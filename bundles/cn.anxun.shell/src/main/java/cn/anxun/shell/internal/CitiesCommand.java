package cn.anxun.shell.internal;

import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

import cn.anxun.cities.City;
import cn.anxun.cities.CityRegistry;

@Service
@Command(scope = "anxun", name = "cities",
        description = "Lists the city modules: those installed now and those installed before")
public class CitiesCommand implements Action {

    @Reference
    private CityRegistry registry;

    @Option(name = "-i", aliases = "--installed", description = "Only the cities whose module is installed now")
    private boolean installedOnly;

    @Override
    public Object execute() {
        List<City> cities = installedOnly ? registry.installed() : registry.known();
        ShellTable table = new ShellTable();
        // the Chinese name last: the table pads by characters, and CJK characters are two columns wide
        table.column("Code");
        table.column("State");
        table.column("Counties").alignRight();
        table.column("First installed");
        table.column("Last installed");
        table.column("Last removed");
        table.column("Module");
        table.column("City");
        for (City city : cities) {
            table.addRow().addContent(city.code(), city.installed() ? "installed" : "removed",
                    city.module().counties().size(), Times.format(city.firstInstalled()),
                    Times.format(city.lastInstalled()), Times.format(city.lastRemoved()),
                    city.installed() ? city.source() : "", city.module().name());
        }
        table.print(System.out);
        return null;
    }
}
