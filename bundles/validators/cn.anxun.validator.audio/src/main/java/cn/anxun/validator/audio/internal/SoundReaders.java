package cn.anxun.validator.audio.internal;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.ShortBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;

import org.jcodec.codecs.aac.AACDecoder;
import org.jcodec.common.io.FileChannelWrapper;
import org.jcodec.common.io.NIOUtils;
import org.jcodec.common.model.AudioBuffer;
import org.jcodec.common.model.Packet;
import org.jcodec.containers.mp4.MP4TrackType;
import org.jcodec.containers.mp4.demuxer.AbstractMP4DemuxerTrack;
import org.jcodec.containers.mp4.demuxer.MP4Demuxer;
import org.jcodec.containers.mp4.demuxer.MP4DemuxerTrackMeta;

import javazoom.jl.decoder.Bitstream;
import javazoom.jl.decoder.BitstreamException;
import javazoom.jl.decoder.DecoderException;
import javazoom.jl.decoder.Header;
import javazoom.jl.decoder.SampleBuffer;
import net.sourceforge.jaad.aac.AACException;

/** Decodes a sound into {@link SoundLevels}: AAC in MP4 with JCodec, MP3 with JLayer, WAV with the JDK. */
final class SoundReaders {

    /** Why a sound could not be decoded, for people. */
    static final class Unreadable extends Exception {

        private static final long serialVersionUID = 1L;

        Unreadable(String message) {
            super(message);
        }
    }

    private SoundReaders() {
    }

    /**
     * The sound's levels, or empty for a video without sound.
     *
     * @return frames that failed to decode are skipped and counted in {@code undecodable}
     */
    static Optional<SoundLevels> read(Path file, String mediaType, int[] undecodable) throws IOException,
            Unreadable {
        return switch (mediaType) {
            case "audio/mpeg" -> Optional.of(mp3(file, undecodable));
            case "audio/vnd.wave", "audio/wav", "audio/x-wav" -> Optional.of(wave(file));
            default -> aacInMp4(file, undecodable);
        };
    }

    private static Optional<SoundLevels> aacInMp4(Path file, int[] undecodable) throws IOException, Unreadable {
        try (FileChannelWrapper channel = NIOUtils.readableChannel(file.toFile())) {
            MP4Demuxer demuxer = MP4Demuxer.createMP4Demuxer(channel);
            Optional<AbstractMP4DemuxerTrack> sound = demuxer.getTracks().stream()
                    .filter(track -> track.getType() == MP4TrackType.SOUND).findFirst();
            if (sound.isEmpty()) {
                return Optional.empty();
            }
            if (!"mp4a".equals(sound.get().getFourcc())) {
                throw new Unreadable("The sound is coded as " + sound.get().getFourcc() + ".");
            }
            AACDecoder decoder;
            try {
                decoder = new AACDecoder(MP4DemuxerTrackMeta.fromTrack(sound.get()).getCodecPrivate());
            } catch (AACException e) {
                throw new Unreadable("The AAC profile of the sound cannot be decoded (" + e.getMessage() + ").");
            }
            SoundLevels levels = new SoundLevels();
            short[] pcm = new short[0];
            for (Packet packet = sound.get().nextFrame(); packet != null; packet = sound.get().nextFrame()) {
                checkInterrupted();
                AudioBuffer decoded;
                try {
                    decoded = decoder.decodeFrame(packet.getData(), null);
                } catch (IOException | RuntimeException e) {
                    undecodable[0]++;
                    continue;
                }
                ShortBuffer samples = decoded.getData().order(ByteOrder.LITTLE_ENDIAN).asShortBuffer();
                pcm = samples.remaining() > pcm.length ? new short[samples.remaining()] : pcm;
                int length = samples.remaining();
                samples.get(pcm, 0, length);
                org.jcodec.common.AudioFormat format = decoded.getFormat();
                levels.add(pcm, length, format.getSampleRate(), format.getChannels());
            }
            return Optional.of(levels.finish());
        } catch (RuntimeException e) {
            throw new Unreadable("The file cannot be read as MP4 (" + e.getMessage() + ").");
        }
    }

    private static SoundLevels mp3(Path file, int[] undecodable) throws IOException, Unreadable {
        SoundLevels levels = new SoundLevels();
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            Bitstream stream = new Bitstream(in);
            javazoom.jl.decoder.Decoder decoder = new javazoom.jl.decoder.Decoder();
            int frames = 0;
            for (Header header = stream.readFrame(); header != null; header = stream.readFrame()) {
                checkInterrupted();
                try {
                    SampleBuffer decoded = (SampleBuffer) decoder.decodeFrame(header, stream);
                    levels.add(decoded.getBuffer(), decoded.getBufferLength(), decoded.getSampleFrequency(),
                            decoded.getChannelCount());
                    frames++;
                } catch (DecoderException | RuntimeException e) {
                    undecodable[0]++;
                }
                stream.closeFrame();
            }
            if (frames == 0) {
                throw new Unreadable("The file holds no MP3 frame.");
            }
        } catch (BitstreamException e) {
            throw new Unreadable("The file cannot be read as MP3 (" + e.getMessage() + ").");
        }
        return levels.finish();
    }

    private static SoundLevels wave(Path file) throws IOException, Unreadable {
        SoundLevels levels = new SoundLevels();
        try (AudioInputStream source = AudioSystem.getAudioInputStream(file.toFile())) {
            AudioFormat pcm16 = new AudioFormat(source.getFormat().getSampleRate(), 16,
                    source.getFormat().getChannels(), true, false);
            try (AudioInputStream in = AudioSystem.getAudioInputStream(pcm16, source)) {
                byte[] bytes = new byte[8192 * pcm16.getChannels()];
                short[] samples = new short[bytes.length / 2];
                for (int n = in.readNBytes(bytes, 0, bytes.length); n > 0; n = in.readNBytes(bytes, 0,
                        bytes.length)) {
                    checkInterrupted();
                    ByteBuffer.wrap(bytes, 0, n).order(ByteOrder.LITTLE_ENDIAN).asShortBuffer().get(samples, 0, n / 2);
                    levels.add(samples, n / 2, (int) pcm16.getSampleRate(), pcm16.getChannels());
                }
            }
        } catch (UnsupportedAudioFileException | IllegalArgumentException e) {
            throw new Unreadable("The file cannot be read as PCM WAV (" + e.getMessage() + ").");
        }
        return levels.finish();
    }

    private static void checkInterrupted() throws IOException {
        if (Thread.currentThread().isInterrupted()) {
            throw new java.io.InterruptedIOException("validation interrupted");
        }
    }
}
