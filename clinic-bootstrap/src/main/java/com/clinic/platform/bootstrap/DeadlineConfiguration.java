package com.clinic.platform.bootstrap;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;

/**
 * Durable deadlines: Axon's db-scheduler deadline manager on PostgreSQL (Axon's auto-configuration
 * supplies the tasks and the DeadlineManager once a {@link Scheduler} bean exists).
 *
 * <p>The scheduler's DataSource is transaction-aware, so a deadline scheduled while handling a
 * command commits or rolls back with that command's events. Timers are rows, not in-memory state:
 * they survive restarts and fire on exactly one instance.
 */
@Configuration(proxyBeanMethods = false)
class DeadlineConfiguration {

    @Bean(destroyMethod = "")
    Scheduler dbScheduler(DataSource dataSource, List<Task<?>> tasks, DeadlineProperties properties) {
        // Recurring tasks (card-payment reconciliation) are started, and so scheduled, by the scheduler itself.
        List<RecurringTask<?>> recurring = tasks.stream()
                .filter(RecurringTask.class::isInstance)
                .<RecurringTask<?>>map(task -> (RecurringTask<?>) task)
                .toList();
        List<Task<?>> known =
                tasks.stream().filter(task -> !(task instanceof RecurringTask)).toList();
        return Scheduler.create(new TransactionAwareDataSourceProxy(dataSource), known)
                .startTasks(recurring)
                .pollingInterval(properties.pollingInterval())
                .threads(properties.threads())
                .enableImmediateExecution()
                .shutdownMaxWait(Duration.ofSeconds(10))
                .build();
    }

    /** Starts polling once the application (and Axon) are fully up; stops before the DataSource closes. */
    @Bean
    SmartLifecycle dbSchedulerLifecycle(Scheduler scheduler) {
        return new SmartLifecycle() {
            private volatile boolean running;

            @Override
            public void start() {
                scheduler.start();
                running = true;
            }

            @Override
            public void stop() {
                scheduler.stop();
                running = false;
            }

            @Override
            public boolean isRunning() {
                return running;
            }

            @Override
            public int getPhase() {
                return Integer.MAX_VALUE - 100;
            }
        };
    }
}
