package io.liaison;

import bench.floor.FloorStatement;
import com.zaxxer.hikari.HikariDataSource;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The SQL statements a piece of work sends through a context's connection pool, with their
 * parameters, recorded on the thread that asks for them (and on no other): how the benchmark learns
 * what Liaison's query layer runs for a request, so that the floor application runs the same.
 */
public final class StatementCapture {

    private static final ThreadLocal<@Nullable List<FloorStatement>> RECORDING = new ThreadLocal<>();

    private StatementCapture() {}

    /** Makes the connection pool of {@code context} (not yet refreshed) hand out recording connections. */
    public static void install(ConfigurableApplicationContext context) {
        context.getBeanFactory().addBeanPostProcessor(new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String name) {
                if (bean instanceof HikariDataSource pool) {
                    PGSimpleDataSource postgres = new PGSimpleDataSource();
                    postgres.setURL(pool.getJdbcUrl());
                    pool.setDataSource(wrap(DataSource.class, postgres, null));
                }
                return bean;
            }
        });
    }

    /** Runs {@code work} and answers the statements it sent, in order. */
    public static List<FloorStatement> record(Callable<?> work) throws Exception {
        List<FloorStatement> statements = new ArrayList<>();
        RECORDING.set(statements);
        try {
            work.call();
        } finally {
            RECORDING.remove();
        }
        return statements;
    }

    /** {@code target} behind a proxy that wraps the connections and statements it hands out. */
    @SuppressWarnings("unchecked")
    private static <T> T wrap(Class<T> type, T target, @Nullable String sql) {
        TreeMap<Integer, @Nullable Object> params = new TreeMap<>();
        InvocationHandler handler = (proxy, method, args) -> {
            if (type == PreparedStatement.class) {
                note(method, args, params, sql);
            } else if (type == Statement.class && method.getName().startsWith("execute") && args != null) {
                add((String) args[0], new TreeMap<>());
            }
            Object result = invoke(method, target, args);
            // unwrap hands out the driver's own connection (PostgresSignals listens on it), unrecorded
            if (result instanceof Connection connection && !method.getName().equals("unwrap")) {
                return wrap(Connection.class, connection, null);
            }
            if (result instanceof PreparedStatement statement
                    && method.getName().equals("prepareStatement")) {
                return wrap(PreparedStatement.class, statement, (String) args[0]);
            }
            if (result instanceof Statement statement && method.getName().equals("createStatement")) {
                return wrap(Statement.class, statement, null);
            }
            return result;
        };
        return (T) Proxy.newProxyInstance(StatementCapture.class.getClassLoader(), new Class<?>[] {type}, handler);
    }

    private static void note(
            Method method, Object @Nullable [] args, TreeMap<Integer, @Nullable Object> params, @Nullable String sql)
            throws SQLException {
        String name = method.getName();
        if (name.startsWith("set") && args != null && args.length >= 2 && args[0] instanceof Integer index) {
            Object value = name.equals("setNull") ? null : args[1];
            params.put(index, value instanceof Array array ? array.getArray() : value);
        } else if (name.equals("clearParameters")) {
            params.clear();
        } else if (name.startsWith("execute") && args == null && sql != null) {
            add(sql, params);
        }
    }

    private static void add(String sql, TreeMap<Integer, @Nullable Object> params) {
        List<FloorStatement> statements = RECORDING.get();
        if (statements != null) {
            List<List<@Nullable String>> encoded = new ArrayList<>();
            params.values().forEach(value -> encoded.add(FloorStatement.encode(value)));
            statements.add(new FloorStatement(sql, encoded));
        }
    }

    private static @Nullable Object invoke(Method method, Object target, Object @Nullable [] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
