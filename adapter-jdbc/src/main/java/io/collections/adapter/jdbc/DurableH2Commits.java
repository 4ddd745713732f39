package io.collections.adapter.jdbc;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Locale;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.h2.engine.Session;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreException;
import org.h2.mvstore.db.Store;

/**
 * Every commit of an embedded H2 database that wrote something is in the database file before {@code commit()}
 * returns, whatever {@code WRITE_DELAY} the URL sets (decision 0120). With a delay, H2 acknowledges a commit and
 * writes it up to that long later, so a process killed in between lost it; the delay is still worth having where
 * large transactions dominate, since H2 then stores them on threads of its own. After the commit, a store that
 * began after it is forced, or found, and awaited. At the default delay of 0 H2 has already stored it, and the wait
 * finds nothing to do.
 */
final class DurableH2Commits {
    private DurableH2Commits() {
    }

    /** Whether the URL opens an H2 database in this process with a file, where the background writer runs. */
    static boolean appliesTo(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        return lower.startsWith("jdbc:h2:") && !lower.startsWith("jdbc:h2:mem:") && !lower.startsWith("jdbc:h2:tcp:")
                && !lower.startsWith("jdbc:h2:ssl:");
    }

    /** The data source's connections, each making its commits durable. */
    static DataSource wrap(DataSource dataSource) {
        return new DurableDataSource(dataSource);
    }

    /** The connection, making its commits durable. */
    static Connection wrap(Connection connection) {
        return (Connection) Proxy.newProxyInstance(DurableH2Commits.class.getClassLoader(),
                new Class<?>[] {Connection.class}, new DurableConnection(connection));
    }

    /**
     * Returns once everything committed on the database before this call is in its file. {@code MVStore.commit()}
     * either stores now, on this thread's behalf and synchronously, or returns because another store began while it
     * waited for the store lock; such a store began after this call and so holds every earlier commit. Draining the
     * file store's two executors then waits for any store still being serialized or written.
     */
    static void awaitStored(Connection connection) throws SQLException {
        MVStore store = mvStore(connection);
        if (store == null) {
            return;
        }
        try {
            store.commit();
            store.executeFilestoreOperation(() -> { });
        } catch (MVStoreException e) {
            throw new SQLException("the commit could not be written to the database file", "08000", e);
        }
    }

    /** The store of an embedded H2 file behind the connection; null for any other database. */
    static MVStore mvStore(Connection connection) throws SQLException {
        SessionLocal local = localSession(connection);
        Store store = local == null ? null : local.getDatabase().getStore();
        return store == null || store.getMvStore().getFileStore() == null ? null : store.getMvStore();
    }

    private static boolean hasUncommittedWrites(Connection connection) throws SQLException {
        SessionLocal local = localSession(connection);
        return local != null && local.hasPendingTransaction();
    }

    /** The session of a database in this process; null for one reached over the network. */
    private static SessionLocal localSession(Connection connection) throws SQLException {
        Session session = connection.unwrap(JdbcConnection.class).getSession();
        return session instanceof SessionLocal local ? local : null;
    }

    /** Waits for the file after a commit that wrote; a read-only transaction pays nothing. */
    private static final class DurableConnection implements InvocationHandler {
        private final Connection target;

        DurableConnection(Connection target) {
            this.target = target;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            if (method.getName().equals("equals") && method.getParameterCount() == 1) {
                return proxy == args[0];
            }
            if (method.getName().equals("hashCode") && method.getParameterCount() == 0) {
                return System.identityHashCode(proxy);
            }
            // setAutoCommit(true) commits a transaction that is open, as commit() does.
            boolean commits = method.getName().equals("commit") && method.getParameterCount() == 0
                    || method.getName().equals("setAutoCommit") && Boolean.TRUE.equals(args[0])
                    && !target.getAutoCommit();
            boolean wrote = commits && hasUncommittedWrites(target);
            Object result;
            try {
                result = method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
            if (wrote) {
                awaitStored(target);
            }
            return result;
        }
    }

    private static final class DurableDataSource implements DataSource {
        private final DataSource target;

        DurableDataSource(DataSource target) {
            this.target = target;
        }

        @Override
        public Connection getConnection() throws SQLException {
            return wrap(target.getConnection());
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return wrap(target.getConnection(username, password));
        }

        @Override
        public PrintWriter getLogWriter() throws SQLException {
            return target.getLogWriter();
        }

        @Override
        public void setLogWriter(PrintWriter out) throws SQLException {
            target.setLogWriter(out);
        }

        @Override
        public void setLoginTimeout(int seconds) throws SQLException {
            target.setLoginTimeout(seconds);
        }

        @Override
        public int getLoginTimeout() throws SQLException {
            return target.getLoginTimeout();
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            return target.getParentLogger();
        }

        @Override
        public <T> T unwrap(Class<T> type) throws SQLException {
            return target.unwrap(type);
        }

        @Override
        public boolean isWrapperFor(Class<?> type) throws SQLException {
            return target.isWrapperFor(type);
        }
    }
}
