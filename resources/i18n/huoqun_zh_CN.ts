<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>App</name>
    <message>
        <source>Huoqun cannot open the database</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>Group #{id} no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A group needs a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A group name can have at most 100 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is already a group called “{name}”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown platform “{value}”; use one of: {choices}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown group kind “{value}”; use one of: {choices}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The {what} must be a whole number from 1 to 100000, or empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{parent}” cannot be the parent: it is this group or one of its sub-groups.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Member #{id} no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A member needs a display name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A display name can have at most 100 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email “{value}” is not an email address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown gender “{value}”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown status “{value}”; use one of: {choices}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That tier no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>QQ number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WeChat id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The {what} {value} already belongs to {name} (#{id}). Open that member, or merge the two.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A tag cannot be empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A tag has at most 40 characters and no comma.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A group nickname can have at most 100 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown role “{value}”; use one of: {choices}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A date is not valid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A member cannot leave a group before joining it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That membership no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A member cannot be merged with itself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{what} “{value}” looks mangled by a spreadsheet (scientific notation); the digits are lost. Use the original number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone “{value}” is not a phone number (5 to 15 digits, +86 allowed).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>QQ number “{value}” is not valid (5 to 11 digits, not starting with 0).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WeChat id “{value}” is not valid (6 to 20 letters, digits, _ or -, starting with a letter).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path} is already open in another Huoqun (process {pid} on {host}). Close that one first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot create the lock file {lock}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path} is not a Huoqun database (not an SQLite file).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path} is an SQLite file of another program.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path} was written by a newer version of Huoqun (schema {schema}). Install the newer version to open it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path} is damaged ({detail}). Restore it from a backup; nothing was written.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GroupDialog</name>
    <message>
        <source>New group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. Weekend hiking club</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The group&apos;s number or id in the app</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No cap</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How often this group needs an interaction; Default uses the setting.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Platform:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>P&amp;arent group:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Group &amp;number:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Member &amp;cap:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interaction ca&amp;dence:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create group</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GroupTableModel</name>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Platform</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Members</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last interaction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yesterday</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) ago</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>{name} (archived)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Job</name>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Something went wrong and nothing was changed: {error}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>WeChat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>QQ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WeCom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Telegram</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discord</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other platform</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interest / hobby</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fans of a star</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grown from an organisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Core group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Banned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Owner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Admin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Member</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Female</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Male</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Huoqun 活群 — {file}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading a sample community…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MemberTableModel</name>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>QQ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WeChat id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>City</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Groups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last contacted</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ParentCombo</name>
    <message>
        <source>None (a top-level group)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} (archived)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsPanel</name>
    <message>
        <source>Follow the system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interface language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The new language applies when Huoqun starts again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>Welcome to Huoqun 活群</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Huoqun keeps your chat groups alive: it tracks your groups and members, the helpers who carry the work, the rules, meetups and the interactions that come due, and tells you which groups are slipping.

Everything stays in one file on this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create a group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start with one of your groups; add its members next.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load a sample community</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A made-up community of a few thousand members in two dozen groups.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
