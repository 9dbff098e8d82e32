package org.asclepius.hms.web.shared;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ejb.EJBAccessException;
import jakarta.ejb.EJBException;
import jakarta.el.ELException;
import jakarta.faces.FacesException;
import jakarta.faces.application.ViewExpiredException;
import org.asclepius.hms.shared.AccessRefusedException;
import org.asclepius.hms.shared.ConcurrentUpdateException;
import org.asclepius.hms.shared.NotFoundException;
import org.junit.jupiter.api.Test;

class WebExceptionHandlerTest {

    @Test
    void aRefusedServiceCall_isFoundHoweverDeeplyWrapped() {
        Throwable wrapped = new FacesException(new ELException(new EJBException(new EJBAccessException("no"))));
        assertThat(WebExceptionHandler.classify(wrapped)).isEqualTo(WebExceptionHandler.Kind.DENIED);
        assertThat(WebExceptionHandler.classify(new EJBAccessException("no")))
                .isEqualTo(WebExceptionHandler.Kind.DENIED);
    }

    @Test
    void expiredViews_missingRecords_andDomainFailures_areRecognised() {
        assertThat(WebExceptionHandler.classify(new FacesException(new ViewExpiredException("gone", "/x.xhtml"))))
                .isEqualTo(WebExceptionHandler.Kind.EXPIRED);
        assertThat(WebExceptionHandler.classify(new ELException(new NotFoundException("Patient", 4))))
                .isEqualTo(WebExceptionHandler.Kind.NOT_FOUND);
        assertThat(WebExceptionHandler.classify(new ELException(
                new ConcurrentUpdateException("This patient", "someone", null))))
                .isEqualTo(WebExceptionHandler.Kind.DOMAIN);
        assertThat(WebExceptionHandler.classify(new FacesException(new IllegalStateException("boom"))))
                .isEqualTo(WebExceptionHandler.Kind.UNEXPECTED);
    }

    @Test
    void aChartRefusedForThisPatient_isARefusal_notADeniedRoleOrAnError() {
        Throwable wrapped = new FacesException(new ELException(new EJBException(
                new AccessRefusedException("You are not treating this patient.", true))));
        assertThat(WebExceptionHandler.classify(wrapped)).isEqualTo(WebExceptionHandler.Kind.REFUSED);
    }

    @Test
    void theLogLine_namesClassesButNoMessage() {
        Throwable failure = new FacesException("Smith, John 1970-01-01",
                new IllegalArgumentException("MRN 10000009 Smith"));
        String line = WebExceptionHandler.describe(failure);
        assertThat(line).contains("jakarta.faces.FacesException <- java.lang.IllegalArgumentException");
        assertThat(line).doesNotContain("Smith").doesNotContain("10000009");
    }

    @Test
    void aCauseCycle_doesNotLoopForever() {
        Exception a = new Exception("a");
        Exception b = new Exception("b", a);
        a.initCause(b);
        assertThat(WebExceptionHandler.classify(a)).isEqualTo(WebExceptionHandler.Kind.UNEXPECTED);
        assertThat(WebExceptionHandler.describe(a)).contains("java.lang.Exception <- java.lang.Exception");
    }
}
