package cn.anxun.identity;

/** A face photo and its detected media type ({@code image/jpeg} or {@code image/png}). */
public record FacePhoto(String mediaType, byte[] bytes) {

    @Override
    public String toString() {
        return "FacePhoto[" + mediaType + ", " + bytes.length + " bytes]";
    }
}
