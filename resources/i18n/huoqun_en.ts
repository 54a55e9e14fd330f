<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>ActivityBox</name>
    <message numerus="yes">
        <source>Open tasks (%n)</source>
        <translation>
            <numerusform>Open tasks (%n)</numerusform>
            <numerusform>Open tasks (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Recent interactions (%n)</source>
        <translation>
            <numerusform>Recent interactions (%n)</numerusform>
            <numerusform>Recent interactions (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Activity (%n)</source>
        <translation>
            <numerusform>Activity (%n)</numerusform>
            <numerusform>Activity (%n)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ActivityChart</name>
    <message numerus="yes">
        <source>Interactions per week, last %n week(s), oldest first: {counts}</source>
        <translation>
            <numerusform>Interactions per week, last %n week, oldest first: {counts}</numerusform>
            <numerusform>Interactions per week, last %n weeks, oldest first: {counts}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ActivityHeadline</name>
    <message numerus="yes">
        <source>%n message(s)</source>
        <translation>
            <numerusform>%n message</numerusform>
            <numerusform>%n messages</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n of {members} member(s)</source>
        <translation>
            <numerusform>%n of {members} members</numerusform>
            <numerusform>%n of {members} members</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{spoke} of %n who joined in the last 90 days ({share})</source>
        <translation>
            <numerusform>{spoke} of %n who joined in the last 90 days ({share})</numerusform>
            <numerusform>{spoke} of %n who joined in the last 90 days ({share})</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AdSendersDialog</name>
    <message numerus="yes">
        <source>{name} (%n message(s))</source>
        <translation>
            <numerusform>{name} (%n message)</numerusform>
            <numerusform>{name} (%n messages)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Violations logged for %n sender(s)</source>
        <translation>
            <numerusform>Violations logged for %n sender</numerusform>
            <numerusform>Violations logged for %n senders</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AddToGroupDialog</name>
    <message numerus="yes">
        <source>Add %n member(s) to a group. Members already in it stay as they are.</source>
        <translation>
            <numerusform>Add %n member to a group. Members already in it stay as they are.</numerusform>
            <numerusform>Add %n members to a group. Members already in it stay as they are.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Added %n member(s) to {group}.</source>
        <translation>
            <numerusform>Added %n member to {group}.</numerusform>
            <numerusform>Added %n members to {group}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Added %n member(s) to {group}; {already} already in it.</source>
        <translation>
            <numerusform>Added %n member to {group}; {already} already in it.</numerusform>
            <numerusform>Added %n members to {group}; {already} already in it.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BanDialog</name>
    <message numerus="yes">
        <source>They are still in %n group(s): {groups}. A task to remove them is added to the queue for each.</source>
        <translation>
            <numerusform>They are still in %n group: {groups}. A task to remove them is added to the queue for each.</numerusform>
            <numerusform>They are still in %n groups: {groups}. A task to remove them is added to the queue for each.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Banned; %n removal task(s) created.</source>
        <translation>
            <numerusform>Banned; %n removal task created.</numerusform>
            <numerusform>Banned; %n removal tasks created.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BanListView</name>
    <message numerus="yes">
        <source>%n banned member(s)</source>
        <translation>
            <numerusform>%n banned member</numerusform>
            <numerusform>%n banned members</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n still in a group: remove them there</source>
        <translation>
            <numerusform>%n still in a group: remove them there</numerusform>
            <numerusform>%n still in a group: remove them there</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CandidatesView</name>
    <message numerus="yes">
        <source>Not now: they are not suggested again for %n day(s)</source>
        <translation>
            <numerusform>Not now: they are not suggested again for %n day</numerusform>
            <numerusform>Not now: they are not suggested again for %n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n meetup(s) attended</source>
        <translation>
            <numerusform>%n meetup attended</numerusform>
            <numerusform>%n meetups attended</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>member for %n day(s)</source>
        <translation>
            <numerusform>member for %n day</numerusform>
            <numerusform>member for %n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>no strike in %n day(s)</source>
        <translation>
            <numerusform>no strike in %n day</numerusform>
            <numerusform>no strike in %n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>no contact for %n day(s)</source>
        <translation>
            <numerusform>no contact for %n day</numerusform>
            <numerusform>no contact for %n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>spoke on %n of the last 30 days</source>
        <translation>
            <numerusform>spoke on %n of the last 30 days</numerusform>
            <numerusform>spoke on %n of the last 30 days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>silent in the chat for %n day(s)</source>
        <translation>
            <numerusform>silent in the chat for %n day</numerusform>
            <numerusform>silent in the chat for %n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n of 30 days</source>
        <translation>
            <numerusform>%n of 30 days</numerusform>
            <numerusform>%n of 30 days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>silent %n day(s)</source>
        <translation>
            <numerusform>silent %n day</numerusform>
            <numerusform>silent %n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n suggestion(s)</source>
        <translation>
            <numerusform>%n suggestion</numerusform>
            <numerusform>%n suggestions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Nobody to suggest. A helper is suggested when there has been no contact for %n times their tier&apos;s check-in cadence.</source>
        <translation>
            <numerusform>Nobody to suggest. A helper is suggested when there has been no contact for %n times their tier&apos;s check-in cadence.</numerusform>
            <numerusform>Nobody to suggest. A helper is suggested when there has been no contact for %n times their tier&apos;s check-in cadence.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ChatActivityTab</name>
    <message numerus="yes">
        <source>Top speakers, last 30 days (%n)</source>
        <translation>
            <numerusform>Top speakers, last 30 days (%n)</numerusform>
            <numerusform>Top speakers, last 30 days (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Soul figures (%n)</source>
        <translation>
            <numerusform>Soul figures (%n)</numerusform>
            <numerusform>Soul figures (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Went quiet (%n)</source>
        <translation>
            <numerusform>Went quiet (%n)</numerusform>
            <numerusform>Went quiet (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Silent newcomers (%n)</source>
        <translation>
            <numerusform>Silent newcomers (%n)</numerusform>
            <numerusform>Silent newcomers (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Ad-like messages, last {days} days (%n)</source>
        <translation>
            <numerusform>Ad-like messages, last {days} days (%n)</numerusform>
            <numerusform>Ad-like messages, last {days} days (%n)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ChatWizard</name>
    <message numerus="yes">
        <source>Reading %n file(s)…</source>
        <translation>
            <numerusform>Reading %n file…</numerusform>
            <numerusform>Reading %n files…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Reading %n chat(s) for the preview…</source>
        <translation>
            <numerusform>Reading %n chat for the preview…</numerusform>
            <numerusform>Reading %n chats for the preview…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Importing %n message(s)…</source>
        <translation>
            <numerusform>Importing %n message…</numerusform>
            <numerusform>Importing %n messages…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ChatsPage</name>
    <message numerus="yes">
        <source>Format: {format}, from {platform}. %n chat(s) found.</source>
        <translation>
            <numerusform>Format: {format}, from {platform}. %n chat found.</numerusform>
            <numerusform>Format: {format}, from {platform}. %n chats found.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s)</source>
        <translation>
            <numerusform>%n file</numerusform>
            <numerusform>%n files</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ChecklistTemplateBox</name>
    <message numerus="yes">
        <source>Saved %n item(s) for new meetups.</source>
        <translation>
            <numerusform>Saved %n item for new meetups.</numerusform>
            <numerusform>Saved %n items for new meetups.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Cli</name>
    <message numerus="yes">
        <source>%n group(s)</source>
        <translation>
            <numerusform>%n group</numerusform>
            <numerusform>%n groups</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n member(s)</source>
        <translation>
            <numerusform>%n member</numerusform>
            <numerusform>%n members</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n membership(s)</source>
        <translation>
            <numerusform>%n membership</numerusform>
            <numerusform>%n memberships</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>; %n backup(s) dated in the future, not counted: {name}</source>
        <translation>
            <numerusform>; %n backup dated in the future, not counted: {name}</numerusform>
            <numerusform>; %n backups dated in the future, not counted: {name}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>newest backup %n day(s) old</source>
        <translation>
            <numerusform>newest backup %n day old</numerusform>
            <numerusform>newest backup %n days old</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n meetup(s)</source>
        <translation>
            <numerusform>%n meetup</numerusform>
            <numerusform>%n meetups</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n page(s)</source>
        <translation>
            <numerusform>%n page</numerusform>
            <numerusform>%n pages</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Today&apos;s plan: %n item(s)</source>
        <translation>
            <numerusform>Today&apos;s plan: %n item</numerusform>
            <numerusform>Today&apos;s plan: %n items</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n open task(s)</source>
        <translation>
            <numerusform>%n open task</numerusform>
            <numerusform>%n open tasks</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n overdue</source>
        <translation>
            <numerusform>%n overdue</numerusform>
            <numerusform>%n overdue</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n more suggestion(s)</source>
        <translation>
            <numerusform>%n more suggestion</numerusform>
            <numerusform>%n more suggestions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Went quiet (%n): </source>
        <translation>
            <numerusform>Went quiet (%n): </numerusform>
            <numerusform>Went quiet (%n): </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Ad-like messages with no violation logged: %n</source>
        <translation>
            <numerusform>Ad-like messages with no violation logged: %n</numerusform>
            <numerusform>Ad-like messages with no violation logged: %n</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message numerus="yes">
        <source>The %Ln member(s) shown</source>
        <translation>
            <numerusform>The %Ln member shown</numerusform>
            <numerusform>The %Ln members shown</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The %Ln selected member(s)</source>
        <translation>
            <numerusform>The %Ln selected member</numerusform>
            <numerusform>The %Ln selected members</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exporting %n member(s)…</source>
        <translation>
            <numerusform>Exporting %n member…</numerusform>
            <numerusform>Exporting %n members…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>GroupDialog</name>
    <message numerus="yes">
        <source>Default (every %n day(s))</source>
        <translation>
            <numerusform>Default (every %n day)</numerusform>
            <numerusform>Default (every %n days)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>GroupMembersTab</name>
    <message numerus="yes">
        <source>Members (%n)</source>
        <translation>
            <numerusform>Members (%n)</numerusform>
            <numerusform>Members (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{shown} of %n member(s) match</source>
        <translation>
            <numerusform>{shown} of %n member match</numerusform>
            <numerusform>{shown} of %n members match</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n member(s), cap {cap}</source>
        <translation>
            <numerusform>%n member, cap {cap}</numerusform>
            <numerusform>%n members, cap {cap}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln member(s)</source>
        <translation>
            <numerusform>%Ln member</numerusform>
            <numerusform>%Ln members</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> · %n who left or were removed</source>
        <translation>
            <numerusform> · %n who left or was removed</numerusform>
            <numerusform> · %n who left or were removed</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>GroupProfileTab</name>
    <message numerus="yes">
        <source>Default (every %n day(s))</source>
        <translation>
            <numerusform>Default (every %n day)</numerusform>
            <numerusform>Default (every %n days)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>GroupRulesTab</name>
    <message numerus="yes">
        <source>Rules (%n)</source>
        <translation>
            <numerusform>Rules (%n)</numerusform>
            <numerusform>Rules (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n open violation(s)</source>
        <translation>
            <numerusform>%n open violation</numerusform>
            <numerusform>%n open violations</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>GroupTableModel</name>
    <message numerus="yes">
        <source>%n days ago</source>
        <translation>
            <numerusform>%n days ago</numerusform>
            <numerusform>%n days ago</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>GroupsPanel</name>
    <message numerus="yes">
        <source>%n group(s)</source>
        <translation>
            <numerusform>%n group</numerusform>
            <numerusform>%n groups</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n of {total} group(s) shown</source>
        <translation>
            <numerusform>%n of {total} group shown</numerusform>
            <numerusform>%n of {total} groups shown</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HelperCareView</name>
    <message numerus="yes">
        <source>%n helper(s) to look after</source>
        <translation>
            <numerusform>%n helper to look after</numerusform>
            <numerusform>%n helpers to look after</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n overdue</source>
        <translation>
            <numerusform>%n overdue</numerusform>
            <numerusform>%n overdue</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>due in %n day(s)</source>
        <translation>
            <numerusform>due in %n day</numerusform>
            <numerusform>due in %n days</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message numerus="yes">
        <source>Checking %n row(s)…</source>
        <translation>
            <numerusform>Checking %n row…</numerusform>
            <numerusform>Checking %n rows…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Importing %n row(s)…</source>
        <translation>
            <numerusform>Importing %n row…</numerusform>
            <numerusform>Importing %n rows…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MeetupDialog</name>
    <message numerus="yes">
        <source>Saved %n page(s) to {file}.</source>
        <translation>
            <numerusform>Saved %n page to {file}.</numerusform>
            <numerusform>Saved %n pages to {file}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %n meetup(s) to {file}.</source>
        <translation>
            <numerusform>Exported %n meetup to {file}.</numerusform>
            <numerusform>Exported %n meetups to {file}.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MeetupsPanel</name>
    <message numerus="yes">
        <source>Exported %n meetup(s) to {file}.</source>
        <translation>
            <numerusform>Exported %n meetup to {file}.</numerusform>
            <numerusform>Exported %n meetups to {file}.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MemberMeetupsTab</name>
    <message numerus="yes">
        <source>Meetups (%n attended)</source>
        <translation>
            <numerusform>Meetups (%n attended)</numerusform>
            <numerusform>Meetups (%n attended)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MemberViolationsView</name>
    <message numerus="yes">
        <source>Violations (%n strike(s))</source>
        <translation>
            <numerusform>Violations (%n strike)</numerusform>
            <numerusform>Violations (%n strikes)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n strike(s) now</source>
        <translation>
            <numerusform>%n strike now</numerusform>
            <numerusform>%n strikes now</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>strikes expire after %n day(s)</source>
        <translation>
            <numerusform>strikes expire after %n day</numerusform>
            <numerusform>strikes expire after %n days</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MembersPanel</name>
    <message numerus="yes">
        <source>{selected} of %Ln member(s) selected</source>
        <translation>
            <numerusform>{selected} of %Ln member selected</numerusform>
            <numerusform>{selected} of %Ln members selected</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln member(s)</source>
        <translation>
            <numerusform>%Ln member</numerusform>
            <numerusform>%Ln members</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %n member(s) to {file}.</source>
        <translation>
            <numerusform>Exported %n member to {file}.</numerusform>
            <numerusform>Exported %n members to {file}.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MembershipsTab</name>
    <message numerus="yes">
        <source>Groups (%n)</source>
        <translation>
            <numerusform>Groups (%n)</numerusform>
            <numerusform>Groups (%n)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MonthCalendar</name>
    <message numerus="yes">
        <source>+%n more</source>
        <translation>
            <numerusform>+%n more</numerusform>
            <numerusform>+%n more</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OutcomeDialog</name>
    <message numerus="yes">
        <source>%n violation(s) in {group} still open. Completing this task handles none of them: handle each in the violation log, and the finding goes with them.</source>
        <translation>
            <numerusform>%n violation in {group} is still open. Completing this task handles none of them: handle each in the violation log, and the finding goes with them.</numerusform>
            <numerusform>%n violations in {group} are still open. Completing this task handles none of them: handle each in the violation log, and the finding goes with them.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PeopleDialog</name>
    <message numerus="yes">
        <source>Everyone in this finding (%n)</source>
        <translation>
            <numerusform>Everyone in this finding (%n)</numerusform>
            <numerusform>Everyone in this finding (%n)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PlanBox</name>
    <message numerus="yes">
        <source>%n item(s)</source>
        <translation>
            <numerusform>%n item</numerusform>
            <numerusform>%n items</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln open task(s) in the Queue</source>
        <translation>
            <numerusform>%Ln open task in the Queue</numerusform>
            <numerusform>%Ln open tasks in the Queue</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln overdue</source>
        <translation>
            <numerusform>%Ln overdue</numerusform>
            <numerusform>%Ln overdue</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>More suggestions (%Ln)…</source>
        <translation>
            <numerusform>More suggestions (%Ln)…</numerusform>
            <numerusform>More suggestions (%Ln)…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PreviewPage</name>
    <message numerus="yes">
        <source>%n member(s) not in the file will be marked as left.</source>
        <translation>
            <numerusform>%n member not in the file will be marked as left.</numerusform>
            <numerusform>%n members not in the file will be marked as left.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n cell(s) could not be read and will be left empty; their rows are imported.</source>
        <translation>
            <numerusform>%n cell could not be read and will be left empty; its row is imported.</numerusform>
            <numerusform>%n cells could not be read and will be left empty; their rows are imported.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>…and %n more: save the report for all.</source>
        <translation>
            <numerusform>…and %n more: save the report for all.</numerusform>
            <numerusform>…and %n more: save the report for all.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PyramidPanel</name>
    <message numerus="yes">
        <source>%Ln active member(s)</source>
        <translation>
            <numerusform>%Ln active member</numerusform>
            <numerusform>%Ln active members</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>QuietBox</name>
    <message numerus="yes">
        <source>{group} · %n message(s) before, last {day}</source>
        <translation>
            <numerusform>{group} · %n message before, last {day}</numerusform>
            <numerusform>{group} · %n messages before, last {day}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReachOutDialog</name>
    <message numerus="yes">
        <source>{name} — %n message(s) before, last {day}</source>
        <translation>
            <numerusform>{name} — %n message before, last {day}</numerusform>
            <numerusform>{name} — %n messages before, last {day}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n reach-out task(s) queued</source>
        <translation>
            <numerusform>%n reach-out task queued</numerusform>
            <numerusform>%n reach-out tasks queued</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> (%n already queued)</source>
        <translation>
            <numerusform> (%n already queued)</numerusform>
            <numerusform> (%n already queued)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReminderService</name>
    <message numerus="yes">
        <source>%n task(s) due —</source>
        <translation>
            <numerusform>%n task due —</numerusform>
            <numerusform>%n tasks due —</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n task(s) due</source>
        <translation>
            <numerusform>%n task due</numerusform>
            <numerusform>%n tasks due</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RemoveTierDialog</name>
    <message numerus="yes">
        <source>%Ln active member(s) in “{name}”. Choose the tier they move to; the tier is then removed.</source>
        <translation>
            <numerusform>%Ln active member in “{name}”. Choose the tier they move to; the tier is then removed.</numerusform>
            <numerusform>%Ln active members in “{name}”. Choose the tier they move to; the tier is then removed.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln active member(s) in “{name}”, plus {more} no longer active (left, removed or banned). Choose the tier they all move to; the tier is then removed.</source>
        <translation>
            <numerusform>%Ln active member in “{name}”, plus {more} no longer active (left, removed or banned). Choose the tier they all move to; the tier is then removed.</numerusform>
            <numerusform>%Ln active members in “{name}”, plus {more} no longer active (left, removed or banned). Choose the tier they all move to; the tier is then removed.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ResultPage</name>
    <message numerus="yes">
        <source>%n chat(s) imported. The groups and members panels show them now.</source>
        <translation>
            <numerusform>%n chat imported. The groups and members panels show it now.</numerusform>
            <numerusform>%n chats imported. The groups and members panels show them now.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RosterChangesView</name>
    <message numerus="yes">
        <source>{title}: %n member(s), {explanation}. Double-click one to open their page.</source>
        <translation>
            <numerusform>{title}: %n member, {explanation}. Double-click them to open their page.</numerusform>
            <numerusform>{title}: %n members, {explanation}. Double-click one to open their page.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RsvpsTab</name>
    <message numerus="yes">
        <source>%n going</source>
        <translation>
            <numerusform>%n going</numerusform>
            <numerusform>%n going</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n waiting</source>
        <translation>
            <numerusform>%n waiting</numerusform>
            <numerusform>%n waiting</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Marked %n member(s) attended.</source>
        <translation>
            <numerusform>Marked %n member attended.</numerusform>
            <numerusform>Marked %n members attended.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RuleDialog</name>
    <message numerus="yes">
        <source>Adopted in %n group(s): the change shows in each.</source>
        <translation>
            <numerusform>Adopted in %n group: the change shows in each.</numerusform>
            <numerusform>Adopted in %n groups: the change shows in each.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RuleLibraryView</name>
    <message numerus="yes">
        <source>%n rule(s) in use</source>
        <translation>
            <numerusform>%n rule in use</numerusform>
            <numerusform>%n rules in use</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n retired</source>
        <translation>
            <numerusform>%n retired</numerusform>
            <numerusform>%n retired</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n group(s)</source>
        <translation>
            <numerusform>%n group</numerusform>
            <numerusform>%n groups</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SetStatusDialog</name>
    <message numerus="yes">
        <source>Set the status of %n member(s).</source>
        <translation>
            <numerusform>Set the status of %n member.</numerusform>
            <numerusform>Set the status of %n members.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Set %n member(s) to “{status}”.</source>
        <translation>
            <numerusform>Set %n member to “{status}”.</numerusform>
            <numerusform>Set %n members to “{status}”.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Marked %n member(s) “{status}” in {groups}.</source>
        <translation>
            <numerusform>Marked %n member “{status}” in {groups}.</numerusform>
            <numerusform>Marked %n members “{status}” in {groups}.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SetTierDialog</name>
    <message numerus="yes">
        <source>Move %n member(s) to a tier. Each change is kept in the member&apos;s tier history.</source>
        <translation>
            <numerusform>Move %n member to a tier. Each change is kept in the member&apos;s tier history.</numerusform>
            <numerusform>Move %n members to a tier. Each change is kept in the member&apos;s tier history.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Moved %n member(s) to “{tier}”.</source>
        <translation>
            <numerusform>Moved %n member to “{tier}”.</numerusform>
            <numerusform>Moved %n members to “{tier}”.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Moved %n member(s) to “{tier}”; {already} already there.</source>
        <translation>
            <numerusform>Moved %n member to “{tier}”; {already} already there.</numerusform>
            <numerusform>Moved %n members to “{tier}”; {already} already there.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SettingsPanel</name>
    <message numerus="yes">
        <source>Wrote %n record(s) to {file}.</source>
        <translation>
            <numerusform>Wrote %n record to {file}.</numerusform>
            <numerusform>Wrote %n records to {file}.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SpanBox</name>
    <message numerus="yes">
        <source>%n group(s) over the target</source>
        <translation>
            <numerusform>%n group over the target</numerusform>
            <numerusform>%n groups over the target</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n without a helper</source>
        <translation>
            <numerusform>%n without a helper</numerusform>
            <numerusform>%n without a helper</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>No helper in a group of %n member(s)</source>
        <translation>
            <numerusform>No helper in a group of %n member</numerusform>
            <numerusform>No helper in a group of %n members</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Over the target of %n member(s) per helper</source>
        <translation>
            <numerusform>Over the target of %n member per helper</numerusform>
            <numerusform>Over the target of %n members per helper</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SubgroupsTab</name>
    <message numerus="yes">
        <source>Sub-groups (%n)</source>
        <translation>
            <numerusform>Sub-groups (%n)</numerusform>
            <numerusform>Sub-groups (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln member(s)</source>
        <translation>
            <numerusform>%Ln member</numerusform>
            <numerusform>%Ln members</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TagDialog</name>
    <message numerus="yes">
        <source>Change the tags of %n member(s).</source>
        <translation>
            <numerusform>Change the tags of %n member.</numerusform>
            <numerusform>Change the tags of %n members.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Removed the tag “{tag}” from %n member(s).</source>
        <translation>
            <numerusform>Removed the tag “{tag}” from %n member.</numerusform>
            <numerusform>Removed the tag “{tag}” from %n members.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Tagged %n member(s) “{tag}”.</source>
        <translation>
            <numerusform>Tagged %n member “{tag}”.</numerusform>
            <numerusform>Tagged %n members “{tag}”.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TaskSections</name>
    <message numerus="yes">
        <source>Overdue (%n)</source>
        <translation>
            <numerusform>Overdue (%n)</numerusform>
            <numerusform>Overdue (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Today (%n)</source>
        <translation>
            <numerusform>Today (%n)</numerusform>
            <numerusform>Today (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>This week (%n)</source>
        <translation>
            <numerusform>This week (%n)</numerusform>
            <numerusform>This week (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Later (%n)</source>
        <translation>
            <numerusform>Later (%n)</numerusform>
            <numerusform>Later (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Done recently (%n)</source>
        <translation>
            <numerusform>Done recently (%n)</numerusform>
            <numerusform>Done recently (%n)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TierHistoryTab</name>
    <message numerus="yes">
        <source>Tier history (%n)</source>
        <translation>
            <numerusform>Tier history (%n)</numerusform>
            <numerusform>Tier history (%n)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TiersEditor</name>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TodayPanel</name>
    <message numerus="yes">
        <source>%n group(s)</source>
        <translation>
            <numerusform>%n group</numerusform>
            <numerusform>%n groups</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln member(s)</source>
        <translation>
            <numerusform>%Ln member</numerusform>
            <numerusform>%Ln members</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n open violation(s)</source>
        <translation>
            <numerusform>%n open violation</numerusform>
            <numerusform>%n open violations</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n suggestion(s) added to today&apos;s plan</source>
        <translation>
            <numerusform>%n suggestion added to today&apos;s plan</numerusform>
            <numerusform>%n suggestions added to today&apos;s plan</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>UnbanDialog</name>
    <message numerus="yes">
        <source>%n removal task(s) closed in the queue.</source>
        <translation>
            <numerusform>%n removal task closed in the queue.</numerusform>
            <numerusform>%n removal tasks closed in the queue.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>UndoSteps</name>
    <message numerus="yes">
        <source>add %n member(s) to {group}</source>
        <translation>
            <numerusform>add %n member to {group}</numerusform>
            <numerusform>add %n members to {group}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>set status of %n member(s)</source>
        <translation>
            <numerusform>set status of %n member</numerusform>
            <numerusform>set status of %n members</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>tag %n member(s)</source>
        <translation>
            <numerusform>tag %n member</numerusform>
            <numerusform>tag %n members</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>remove a tag from %n member(s)</source>
        <translation>
            <numerusform>remove a tag from %n member</numerusform>
            <numerusform>remove a tag from %n members</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>change the star of %n member(s)</source>
        <translation>
            <numerusform>change the star of %n member</numerusform>
            <numerusform>change the star of %n members</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>change the tier of %n member(s)</source>
        <translation>
            <numerusform>change the tier of %n member</numerusform>
            <numerusform>change the tier of %n members</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>mark %n violation(s) handled</source>
        <translation>
            <numerusform>mark %n violation handled</numerusform>
            <numerusform>mark %n violations handled</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>import roster into {group} (%n new)</source>
        <translation>
            <numerusform>import roster into {group} (%n new)</numerusform>
            <numerusform>import roster into {group} (%n new)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>log violations of %n ad sender(s)</source>
        <translation>
            <numerusform>log violations of %n ad sender</numerusform>
            <numerusform>log violations of %n ad senders</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>queue %n reach-out task(s)</source>
        <translation>
            <numerusform>queue %n reach-out task</numerusform>
            <numerusform>queue %n reach-out tasks</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>star %n member(s)</source>
        <translation>
            <numerusform>star %n member</numerusform>
            <numerusform>star %n members</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>UpcomingList</name>
    <message numerus="yes">
        <source>%n on the waitlist</source>
        <translation>
            <numerusform>%n on the waitlist</numerusform>
            <numerusform>%n on the waitlist</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ViolationDialog</name>
    <message numerus="yes">
        <source>Banned; %n removal task(s) created.</source>
        <translation>
            <numerusform>Banned; %n removal task created.</numerusform>
            <numerusform>Banned; %n removal tasks created.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ViolationLogView</name>
    <message numerus="yes">
        <source>The newest %Ln violation(s); filter to see older ones</source>
        <translation>
            <numerusform>The newest %Ln violation; filter to see older ones</numerusform>
            <numerusform>The newest %Ln violations; filter to see older ones</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln violation(s)</source>
        <translation>
            <numerusform>%Ln violation</numerusform>
            <numerusform>%Ln violations</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln open</source>
        <translation>
            <numerusform>%Ln open</numerusform>
            <numerusform>%Ln open</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Marked %n case(s) handled.</source>
        <translation>
            <numerusform>Marked %n case handled.</numerusform>
            <numerusform>Marked %n cases handled.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Reopened %n case(s).</source>
        <translation>
            <numerusform>Reopened %n case.</numerusform>
            <numerusform>Reopened %n cases.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WeeklyChart</name>
    <message numerus="yes">
        <source>Week of {date}: %n message(s)</source>
        <translation>
            <numerusform>Week of {date}: %n message</numerusform>
            <numerusform>Week of {date}: %n messages</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n yours</source>
        <translation>
            <numerusform>, %n yours</numerusform>
            <numerusform>, %n yours</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n speaker(s)</source>
        <translation>
            <numerusform>, %n speaker</numerusform>
            <numerusform>, %n speakers</numerusform>
        </translation>
    </message>
</context>
</TS>
