package org.asclepius.hms.web.scheduling;

import java.io.Serializable;
import java.time.LocalDateTime;
import java.util.List;
import org.primefaces.model.LazyScheduleModel;
import org.primefaces.model.ScheduleEvent;

/**
 * The events of a p:schedule, fetched for the range the calendar shows whenever it asks (view change,
 * navigation, refetch after a change). The times are local times of the hospital's zone, which the page gives
 * the component as its {@code timeZone}.
 */
public class CalendarModel extends LazyScheduleModel {
    private static final long serialVersionUID = 1L;

    /** Fetches the events of a range; serializable, as the model lives in a view. */
    @FunctionalInterface
    public interface Loader extends Serializable {
        List<ScheduleEvent<?>> load(LocalDateTime from, LocalDateTime to);
    }

    private final Loader loader;

    public CalendarModel(Loader loader) {
        this.loader = loader;
    }

    @Override
    public void loadEvents(LocalDateTime start, LocalDateTime end) {
        loader.load(start, end).forEach(this::addEvent);
    }
}
