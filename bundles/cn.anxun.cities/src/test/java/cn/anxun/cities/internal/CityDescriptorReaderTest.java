package cn.anxun.cities.internal;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;

import org.junit.Test;

import cn.anxun.api.city.CityModule;

public class CityDescriptorReaderTest {

    private final CityDescriptorReader reader = new CityDescriptorReader();

    private CityModule read(String json) {
        return reader.read(new ByteArrayInputStream(json.getBytes(UTF_8)));
    }

    private String rejection(String json) {
        return assertThrows(IllegalArgumentException.class, () -> read(json)).getMessage();
    }

    @Test
    public void readsADescriptor() {
        CityModule city = read("""
                {"code": "440100", "name": "广州市", "bureau": "广州市应急管理局",
                 "institutionListUrl": "https://yjglj.gz.gov.cn/",
                 "counties": [{"code": "440103", "name": "荔湾区"}]}""");
        assertEquals("440100", city.code());
        assertEquals("荔湾区", city.counties().get(0).name());
    }

    @Test
    public void rejectsAnUnknownFieldByName() {
        String message = rejection("""
                {"code": "440100", "name": "广州市", "bureau": "局", "institutionListUrl": "https://x/", "phone": "1"}""");
        assertTrue(message, message.contains("\"phone\""));
    }

    @Test
    public void passesOnTheRecordsOwnValidation() {
        String message = rejection("""
                {"code": "440000", "name": "广东省", "bureau": "局", "institutionListUrl": "https://x/"}""");
        assertTrue(message, message.startsWith("code:"));
    }

    @Test
    public void saysWhereTheJsonIsBroken() {
        String message = rejection("{\"code\": \"440100\",\n \"name\": }");
        assertTrue(message, message.contains("line 2"));
    }
}
