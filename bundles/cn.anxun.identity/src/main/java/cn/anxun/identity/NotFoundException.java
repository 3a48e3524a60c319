package cn.anxun.identity;

/** No such record, or none the caller may know of. */
public class NotFoundException extends ServiceException {

    private static final long serialVersionUID = 1L;

    public NotFoundException(String message) {
        super(message);
    }
}
