package io.writ.web.portal;

import io.writ.domain.writ.DeclaredScope;
import io.writ.domain.ticket.TicketFacts;
import io.writ.workflow.catalogue.CatalogueDesk;
import io.writ.workflow.tickets.ConfiguredTicketSystem;
import io.writ.domain.writ.WritForm;
import io.writ.workflow.writ.WritDesk;
import io.writ.web.security.SignedIn;
import io.writ.web.security.StepUpJourney;
import jakarta.annotation.PostConstruct;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;

import java.io.Serializable;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** A requester asks for an entitlement for a window, on a ticket, or as break-glass. */
@Named
@ViewScoped
public class RequestAccess implements Serializable {

    /** Where each field of the model's answer is shown on request.xhtml. */
    private static final Map<String, String> CONTROLS = Map.of("entitlement", "request:entitlement",
            "ticket", "request:ticket", "justification", "request:justification",
            "durationMinutes", "request:duration", "scope.targets", "request:targets",
            "scope.commands", "request:commands", "scope.fileDestinations", "request:files");

    @Inject WritDesk writs;
    @Inject ConfiguredTicketSystem tickets;
    @Inject CatalogueDesk catalogue;
    @Inject transient SecurityContext security;
    @Inject SignedIn signedIn;
    @Inject StepUpJourney stepUp;

    /** What the requester had typed when the request sent them through step-up; given back on their return. */
    record Typed(String entitlement, String ticket, String justification, Integer durationMinutes, String targets,
                 String commands, String fileDestinations, boolean breakGlass) implements Serializable {
    }

    private List<EntitlementChoice> entitlements;
    private EntitlementChoice chosen;
    private String entitlement, ticket, justification, targets, commands, fileDestinations;
    private Integer durationMinutes;
    private boolean breakGlass;
    private TicketFacts ticketFacts;
    private String ticketMessage, ticketRefusal;

    @PostConstruct
    void load() {
        entitlements = catalogue.all().stream().map(EntitlementChoice::of).toList();
    }

    /** Back from step-up (the page's view action): the form as the requester left it. */
    public void resumeAfterStepUp() {
        stepUp.resumed(Typed.class).ifPresent(this::typedAgain);
    }

    private void typedAgain(Typed typed) {
        entitlement = typed.entitlement();
        ticket = typed.ticket();
        justification = typed.justification();
        durationMinutes = typed.durationMinutes();
        targets = typed.targets();
        commands = typed.commands();
        fileDestinations = typed.fileDestinations();
        breakGlass = typed.breakGlass();
        entitlementChosen();
        ticketTyped();
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO,
                "Your request is as you left it: submit it again to send it with your new sign-in.", null));
    }

    /** The picker changed: show the chosen entitlement's tier and policy. */
    public void entitlementChosen() {
        chosen = entitlements.stream().filter(e -> e.name().equals(entitlement)).findFirst().orElse(null);
    }

    /**
     * The ticket was typed: show what the ticket system says of it now (title, state, owner) and why it could not
     * back this writ, before the requester submits. The submission checks it again.
     */
    public void ticketTyped() {
        ticketFacts = null;
        ticketMessage = ticketRefusal = null;
        if (ticket == null || ticket.isBlank()) {
            return;
        }
        var status = tickets.check(ticket.strip());
        var now = Instant.now();
        ticketFacts = status.facts().orElse(null);
        ticketMessage = status.message();
        ticketRefusal = status.refusal(security.getCallerPrincipal().getName(), now,
                durationMinutes == null ? 1 : Math.max(1, durationMinutes)).orElse(null);
    }

    public String submit() {
        stepUp.keep("/request.xhtml", new Typed(entitlement, ticket, justification, durationMinutes, targets, commands,
                fileDestinations, breakGlass));
        return PageMessages.attempt(() -> writs.submit(security.getCallerPrincipal().getName(), signedIn.current(),
                new WritForm(
                        entitlement, ticket, justification, durationMinutes, null, DeclaredScope.of(patterns(targets),
                        patterns(commands), patterns(fileDestinations)), breakGlass)),
                writ -> "Writ " + writ.id() + " for " + writ.entitlement() + " submitted: " + writ.state(),
                "/writs.xhtml?faces-redirect=true", CONTROLS);
    }

    /** Patterns as typed: separated by commas or line breaks. */
    private static List<String> patterns(String typed) {
        return typed == null ? List.of() : Arrays.asList(typed.split("[,\\r\\n]+"));
    }

    public TicketFacts getTicketFacts() { return ticketFacts; }
    public String getTicketMessage() { return ticketMessage; }
    public String getTicketRefusal() { return ticketRefusal; }
    public List<EntitlementChoice> getEntitlements() { return entitlements; }
    public EntitlementChoice getChosen() { return chosen; }
    public String getEntitlement() { return entitlement; }
    public void setEntitlement(String entitlement) { this.entitlement = entitlement; }
    public String getTicket() { return ticket; }
    public void setTicket(String ticket) { this.ticket = ticket; }
    public String getJustification() { return justification; }
    public void setJustification(String justification) { this.justification = justification; }
    public String getTargets() { return targets; }
    public void setTargets(String targets) { this.targets = targets; }
    public String getCommands() { return commands; }
    public void setCommands(String commands) { this.commands = commands; }
    public String getFileDestinations() { return fileDestinations; }
    public void setFileDestinations(String fileDestinations) { this.fileDestinations = fileDestinations; }
    public Integer getDurationMinutes() { return durationMinutes; }
    public void setDurationMinutes(Integer durationMinutes) { this.durationMinutes = durationMinutes; }
    public boolean isBreakGlass() { return breakGlass; }
    public void setBreakGlass(boolean breakGlass) { this.breakGlass = breakGlass; }
}
