package io.linehub.sim;

import java.io.IOException;
import java.nio.file.CopyOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.PublicKey;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.apache.sshd.server.session.ServerSession;
import org.apache.sshd.sftp.server.FileHandle;
import org.apache.sshd.sftp.server.Handle;
import org.apache.sshd.sftp.server.SftpEventListener;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;

/**
 * An embedded SFTP partner (Apache MINA SSHD) on 127.0.0.1 for tests: one password user, files under {@code root}.
 * {@link #stop()} and {@link #restart()} simulate a partner outage without the client seeing a new port or host key.
 */
public final class SftpServerFixture implements AutoCloseable {

    private final Path root;
    private final String user;
    private final String password;
    // one provider for the fixture's whole life: it generates the key once and keeps it in memory,
    // so a restarted server presents the same host key and strict host-key checking still passes
    private final SimpleGeneratorHostKeyProvider hostKeys = new SimpleGeneratorHostKeyProvider();
    // what the partner saw, in order: "write <path>" when a file is opened for writing, "rename <from> -> <to>";
    // lets a test prove that a final file name was never written to directly (so never seen half-written)
    private final List<String> events = new CopyOnWriteArrayList<>();
    private SshServer server;
    private int port; // 0 until the first start picks a free port; kept so that restart() binds the same one

    public SftpServerFixture(Path root, String user, String password) {
        this.root = root.toAbsolutePath();
        this.user = user;
        this.password = password;
    }

    public synchronized SftpServerFixture start() throws IOException {
        if (server != null) {
            return this;
        }
        SshServer s = SshServer.setUpDefaultServer();
        s.setHost("127.0.0.1");
        s.setPort(port);
        s.setKeyPairProvider(hostKeys);
        s.setPasswordAuthenticator((u, p, session) -> user.equals(u) && password.equals(p));
        SftpSubsystemFactory sftp = new SftpSubsystemFactory();
        sftp.addSftpEventListener(new Recorder());
        s.setSubsystemFactories(List.of(sftp));
        s.setFileSystemFactory(new VirtualFileSystemFactory(root));
        s.start();
        port = s.getPort();
        server = s;
        return this;
    }

    /** Closes the listener and every open session at once: new connections are refused, open ones break. */
    public synchronized void stop() throws IOException {
        if (server != null) {
            SshServer s = server;
            server = null;
            s.stop(true);
        }
    }

    public synchronized SftpServerFixture restart() throws IOException {
        stop();
        return start();
    }

    public synchronized boolean isRunning() {
        return server != null;
    }

    public int port() {
        return port;
    }

    public Path root() {
        return root;
    }

    public PublicKey hostKey() {
        return hostKeys.loadKeys(null).get(0).getPublic();
    }

    /** A known_hosts line for this server, for clients that check the host key strictly (as production should). */
    public String knownHostsLine() {
        return "[127.0.0.1]:" + port + " " + PublicKeyEntry.toString(hostKey());
    }

    public List<String> events() {
        return List.copyOf(events);
    }

    @Override
    public void close() throws IOException {
        stop();
    }

    private final class Recorder implements SftpEventListener {
        @Override
        public void open(ServerSession session, String remoteHandle, Handle localHandle) {
            if (localHandle instanceof FileHandle f && f.getOpenOptions().contains(StandardOpenOption.WRITE)) {
                events.add("write " + f.getFile());
            }
        }

        @Override
        public void moved(ServerSession session, Path from, Path to, Collection<CopyOption> opts, Throwable failure) {
            if (failure == null) {
                events.add("rename " + from + " -> " + to);
            }
        }
    }
}
