package cn.anxun.shell.internal;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

import cn.anxun.cities.City;
import cn.anxun.cities.CityModuleCatalog;
import cn.anxun.cities.CityModuleCatalog.AvailableModule;
import cn.anxun.cities.CityRegistry;

@Service
@Command(scope = "anxun", name = "city-modules",
        description = "Lists every city module of the distribution: installed, removed, or never installed")
public class CityModulesCommand implements Action {

    @Reference
    private CityModuleCatalog catalog;

    @Reference
    private CityRegistry registry;

    @Override
    public Object execute() {
        Map<String, City> known = registry.known().stream().collect(Collectors.toMap(City::code, Function.identity()));
        ShellTable table = new ShellTable();
        // the Chinese name last: the table pads by characters, and CJK characters are two columns wide
        table.column("Code");
        table.column("State");
        table.column("Counties").alignRight();
        table.column("Feature");
        table.column("City");
        for (AvailableModule module : catalog.available()) {
            String state = module.byItself() ? "installed" : module.installed() ? "installed (with the province)"
                    : known.containsKey(module.module().code()) ? "removed" : "available";
            table.addRow().addContent(module.module().code(), state, module.module().counties().size(),
                    module.feature(), module.module().name());
        }
        table.print(System.out);
        return null;
    }
}
