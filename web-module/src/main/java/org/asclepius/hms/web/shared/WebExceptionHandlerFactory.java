package org.asclepius.hms.web.shared;

import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;

/** Registers {@link WebExceptionHandler} (faces-config.xml). */
public class WebExceptionHandlerFactory extends ExceptionHandlerFactory {

    public WebExceptionHandlerFactory(ExceptionHandlerFactory wrapped) {
        super(wrapped);
    }

    @Override
    public ExceptionHandler getExceptionHandler() {
        return new WebExceptionHandler(getWrapped().getExceptionHandler());
    }
}
