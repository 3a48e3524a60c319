package cn.anxun.identity;

/** A request a service refuses; the subclass says why. The message is for the caller and holds no personal data. */
public abstract class ServiceException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    protected ServiceException(String message) {
        super(message);
    }
}
