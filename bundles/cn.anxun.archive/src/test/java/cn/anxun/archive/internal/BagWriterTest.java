package cn.anxun.archive.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.Test;

public class BagWriterTest {

    @Test
    public void theManifestsListEachFileWithItsSha256AndTheStatementSignsThePayloadManifest() throws Exception {
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        BagWriter bag = new BagWriter(zip, "bag");
        bag.payload("a.txt", "abc".getBytes(StandardCharsets.UTF_8));
        bag.payload("folder/b.txt", new byte[0]);
        byte[][] signed = new byte[1][];
        bag.finish(Map.of("Source-Organization", "安训"), manifest -> {
            signed[0] = manifest;
            return "statement\n";
        });
        Map<String, String> files = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip.toByteArray()))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                files.put(entry.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad  data/a.txt\n"
                + "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855  data/folder/b.txt\n",
                files.get("bag/manifest-sha256.txt"));
        assertEquals(files.get("bag/manifest-sha256.txt"), new String(signed[0], StandardCharsets.UTF_8));
        assertEquals("statement\n", files.get("bag/" + BagWriter.SIGNATURE));
        assertTrue(files.get("bag/bag-info.txt"), files.get("bag/bag-info.txt").endsWith("Payload-Oxum: 3.2\n"));
        String tags = files.get("bag/tagmanifest-sha256.txt");
        for (String tag : new String[] {"bagit.txt", "bag-info.txt", "manifest-sha256.txt", BagWriter.SIGNATURE}) {
            assertTrue(tags, tags.contains(BagWriter.sha256(files.get("bag/" + tag).getBytes(StandardCharsets.UTF_8))
                    + "  " + tag + "\n"));
        }
        assertEquals("BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n", files.get("bag/bagit.txt"));
    }
}
