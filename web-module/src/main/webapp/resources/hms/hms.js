/*
 * Asclepius HMS - small browser-side helpers of the layout.
 *  - Session timeout: p:idleMonitor calls hms.session.warn() a little before the server session would end; the
 *    dialog counts down and then signs the user out. "Stay signed in" pings the server. While the user is
 *    busy on one page without server requests (typing a long form), a ping every few minutes keeps the server
 *    session in step with the user's activity.
 *  - A PrimeFaces AJAX request after the session ended gets a bare 401 from the OIDC sign-in: reload the page
 *    (with GET) so that the user goes through sign-in again.
 */
var hms = window.hms || {};

hms.session = (function ($) {
    var KEEP_ALIVE_AFTER_MS = 5 * 60 * 1000;
    var cfg = null;
    var lastServerContact = Date.now();
    var countdown = null;
    var deadline = 0;

    function init() {
        var el = document.getElementById('hmsSession');
        if (!el) {
            return;
        }
        cfg = {
            logoutUrl: el.getAttribute('data-logout-url'),
            warningSeconds: parseInt(el.getAttribute('data-warning-seconds'), 10) || 120
        };
        $(document).on('pfAjaxComplete.hmsSession', function () {
            lastServerContact = Date.now();
        });
        $(document).on('keydown.hmsSession mousedown.hmsSession touchstart.hmsSession', activity);
    }

    function activity() {
        if (!cfg || countdown) {
            return; // while the warning is open only "Stay signed in" extends the session
        }
        if (Date.now() - lastServerContact > KEEP_ALIVE_AFTER_MS && typeof window.hmsKeepAlive === 'function') {
            lastServerContact = Date.now();
            window.hmsKeepAlive();
        }
    }

    function format(seconds) {
        var m = Math.floor(seconds / 60);
        var s = seconds % 60;
        return m + ':' + (s < 10 ? '0' : '') + s;
    }

    function tick() {
        var left = Math.max(0, Math.round((deadline - Date.now()) / 1000));
        $('#sessionCountdown').text(format(left));
        if (left <= 0) {
            stop();
            window.location.href = cfg.logoutUrl;
        }
    }

    function stop() {
        if (countdown) {
            clearInterval(countdown);
            countdown = null;
        }
    }

    function warn() {
        if (!cfg || countdown) {
            return;
        }
        deadline = Date.now() + cfg.warningSeconds * 1000;
        tick();
        countdown = setInterval(tick, 1000);
        PF('sessionWarning').show();
    }

    function extended() {
        stop();
        lastServerContact = Date.now();
        PF('sessionWarning').hide();
    }

    $(init);
    return {warn: warn, extended: extended};
})(jQuery);

hms.reloadOnUnauthorized = function (xhr) {
    if (xhr && xhr.status === 401) {
        // a GET of the page's own address: never re-post a form
        window.location.replace(window.location.pathname + window.location.search);
    }
};
// PrimeFaces' own AJAX (its requests are not "global" jQuery requests, it raises pfAjaxError instead)
jQuery(document).on('pfAjaxError', function (event, xhr) {
    hms.reloadOnUnauthorized(xhr);
});
// any other jQuery AJAX
jQuery(document).ajaxError(function (event, xhr) {
    hms.reloadOnUnauthorized(xhr);
});

/*
 * Calendars (p:schedule extender="hms.calendar.options"): weeks start on Monday, a line marks the current time,
 * each appointment carries its details as a tooltip and its id (data-appointment), and can be opened with the
 * keyboard (Tab to it, Enter) like a link.
 */
hms.calendar = {
    options: function () {
        var options = this.cfg.options;
        options.firstDay = 1;
        options.nowIndicator = true;
        options.eventDidMount = function (info) {
            var el = info.el;
            var description = info.event.extendedProps && info.event.extendedProps.description;
            if (description) {
                el.setAttribute('title', description);
            }
            if (info.event.display === 'background') {
                return;
            }
            el.setAttribute('data-appointment', info.event.id);
            if (description) {
                el.setAttribute('aria-label', description);
            }
            if (!el.hasAttribute('tabindex')) {
                el.setAttribute('tabindex', '0');
                el.setAttribute('role', 'button');
                el.addEventListener('keydown', function (e) {
                    if (e.key === 'Enter' || e.key === ' ') {
                        e.preventDefault();
                        el.click();
                    }
                });
            }
        };
    }
};

/* Department day (p:timeline extender="hms.timeline.options"): 24-hour times on the axis. */
hms.timeline = {
    options: function () {
        var opts = this.cfg.opts;
        opts.format = {
            minorLabels: {minute: 'HH:mm', hour: 'HH:mm'},
            majorLabels: {minute: 'ddd D MMMM', hour: 'ddd D MMMM'}
        };
    }
};

/*
 * Dialogs whose content grows after they open (free times, an appointment's history) are fitted to the window
 * again after every AJAX update, so that their buttons never end up below the bottom of the screen.
 */
(function ($) {
    $(document).on('pfAjaxComplete.hmsDialogs', function () {
        $('.ui-dialog.hms-tall-dialog:visible').each(function () {
            var dialog = PrimeFaces.getWidgetById(this.id);
            if (dialog && dialog.isVisible()) {
                if (dialog.cfg.fitViewport) {
                    dialog.fitViewport();
                }
                dialog.initPosition();
            }
        });
    });
})(jQuery);
