package cn.anxun.web.internal;

import javax.servlet.ServletException;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.HttpService;
import org.osgi.service.http.NamespaceException;

/**
 * Serves the web pages at {@code /}, beside the web API the container's CXF servlet carries at {@code /api}: the
 * longer alias wins, so every path outside {@code /api} is a page's.
 */
@Component(service = {}, immediate = true)
public class WebPages {

    static final String ALIAS = "/";

    private final HttpService http;

    @Activate
    public WebPages(BundleContext context, @Reference HttpService http) throws ServletException, NamespaceException {
        this.http = http;
        http.registerServlet(ALIAS, new PageServlet(new PageFiles(context.getBundle()::getEntry)), null, null);
    }

    @Deactivate
    void stop() {
        http.unregister(ALIAS);
    }
}
