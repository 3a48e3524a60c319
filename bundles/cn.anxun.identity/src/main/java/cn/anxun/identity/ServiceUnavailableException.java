package cn.anxun.identity;

/** A part the request needs is not there at the moment, e.g. the configured identity plugin is not installed. */
public class ServiceUnavailableException extends ServiceException {

    private static final long serialVersionUID = 1L;

    public ServiceUnavailableException(String message) {
        super(message);
    }
}
