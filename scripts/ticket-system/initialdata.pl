# Request Tracker initialdata for Writ's demo ticket system. scripts/ticket-system.sh loads it on each start with
#   rt-setup-database --action insert --datafile scripts/ticket-system/initialdata.pl
# RT runs this Perl with its database open, then creates what @Queues, @Users and @ACL hold, then runs @Final.
# Each list keeps only what is still missing, so loading it again changes nothing (RT would otherwise refuse each
# duplicate with an error in its log). The passwords (demo-only) come from the script: WRIT_RT_ROOT_PASSWORD for
# RT's "root", WRIT_TICKETS_PASSWORD for "writ", Writ's service user.
use strict;
use warnings;

my $root_password = $ENV{WRIT_RT_ROOT_PASSWORD} or die "WRIT_RT_ROOT_PASSWORD is not set\n";
my $writ_password = $ENV{WRIT_TICKETS_PASSWORD} or die "WRIT_TICKETS_PASSWORD is not set\n";

my @queues = qw(Changes Incidents);
my @people = qw(alice frank bob carol dave erin admin);
# What Writ's service user needs to read a ticket (owner, requestors, history), comment on it and reply to it.
my @writ_rights = qw(SeeQueue ShowTicket ShowTicketComments ModifyTicket CommentOnTicket ReplyToTicket);
# What a demo person needs to own a ticket and work on it.
my @people_rights = qw(SeeQueue ShowTicket ShowTicketComments OwnTicket ModifyTicket CommentOnTicket ReplyToTicket);

# Closures, not subs: RT compiles this file inside its package RT::Handle. Fresh objects each time: a reused RT::User
# keeps the principal of the first user it loaded.
my $queue = sub { my $q = RT::Queue->new(RT->SystemUser); $q->Load($_[0]); $q };
my $user = sub { my $u = RT::User->new(RT->SystemUser); $u->Load($_[0]); $u };

our @Queues = map { +{ Name => $_, Description => "Writ demo: \L$_", Lifecycle => 'default' } }
    grep { !$queue->($_)->id } @queues;

our @Users = grep { !$user->($_->{Name})->id }
    { Name => 'writ', RealName => 'Writ portal (service user)', Password => $writ_password, Privileged => 1 },
    map { +{ Name => $_, RealName => ucfirst($_) . ' (Writ demo)', Privileged => 1 } } @people;

# A right is granted unless its user and queue exist and the user holds it already. Every privileged RT user may
# own and work tickets in both queues too, so that "open --owner" can make a person RT does not know yet.
our @ACL;
my $privileged = RT::Group->new(RT->SystemUser);
$privileged->LoadSystemInternalGroup('Privileged');
for my $q (@queues) {
    for my $right (@people_rights) {
        my $object = $queue->($q);
        next if $object->id && $privileged->PrincipalObj->HasRight(Right => $right, Object => $object);
        push @ACL, { GroupDomain => 'SystemInternal', GroupType => 'Privileged', Queue => $q, Right => $right };
    }

    for my $who ('writ', @people) {
        my ($u, $object) = ($user->($who), $queue->($q));
        for my $right ($who eq 'writ' ? @writ_rights : @people_rights) {
            next if $u->id && $object->id && $u->PrincipalObj->HasRight(Right => $right, Object => $object);
            push @ACL, { UserId => $who, Queue => $q, Right => $right };
        }
    }
}

# RT's own notification to Writ: when a ticket of the two queues changes status, RT posts it to Writ's signed webhook
# (WritTicketsWebhookURL and WritTicketsWebhookSecret in RT's site config, written by the script), so a closure ends
# the writs within seconds instead of at Writ's next poll. A post that fails is only logged: Writ's poll follows.
my $push_code = <<'PERL';
my $url = RT->Config->Get('WritTicketsWebhookURL') or return 1;
my $secret = RT->Config->Get('WritTicketsWebhookSecret') or return 1;
my $ticket = $self->TicketObj;
my %prefix = (Changes => 'CHG', Incidents => 'INC');
my $prefix = $prefix{$ticket->QueueObj->Name} or return 1;
my @now = gmtime();
my $body = JSON::to_json({ ref => "$prefix-" . $ticket->id, state => $ticket->Status, title => $ticket->Subject,
    at => sprintf('%04d-%02d-%02dT%02d:%02d:%02dZ', $now[5] + 1900, $now[4] + 1, @now[3, 2, 1, 0]) },
    { canonical => 1 });
require Digest::SHA;
require LWP::UserAgent;
my $answer = LWP::UserAgent->new(timeout => 5)->post($url, 'Content-Type' => 'application/json',
    'X-Writ-Signature' => 'sha256=' . Digest::SHA::hmac_sha256_hex($body, $secret), Content => $body);
RT->Logger->warning("Writ's webhook answered " . $answer->status_line . " for ticket " . $ticket->id)
    unless $answer->is_success;
return 1;
PERL

my $scrip_name = "Writ: push status changes to Writ's webhook";
my $scrips = RT::Scrips->new(RT->SystemUser);
$scrips->Limit(FIELD => 'Description', VALUE => $scrip_name);
our @Scrips = $scrips->Count ? () : ({
    Description => $scrip_name, Queue => [@queues], ScripCondition => 'On Status Change',
    ScripAction => 'User Defined', Template => 'Blank', CustomPrepareCode => 'return 1;',
    CustomCommitCode => $push_code,
});

# The script and Writ log in with these passwords: put them back if someone changed them (or installed RT before),
# and hash them again when hashed at a higher bcrypt cost than the configured one (RT checks every REST call's
# password, at the cost it was hashed with).
our @Final = (sub {
    for ([root => $root_password], [writ => $writ_password]) {
        my ($u, $password) = ($user->($_->[0]), $_->[1]);
        my ($cost) = $u->__Value('Password') =~ /^!bcrypt!(\d+)!/;
        next if $u->IsPassword($password) && ($cost // 0) <= RT->Config->Get('BcryptCost');
        my ($ok, $msg) = $u->SetPassword($password);
        die "cannot set the password of $_->[0]: $msg\n" unless $ok;
    }
});

1;
