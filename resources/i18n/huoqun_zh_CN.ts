<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About Huoqun</source>
        <translation>关于活群</translation>
    </message>
    <message>
        <source>Keep chat communities alive.</source>
        <translation>让社群保持活力。</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Database file</source>
        <translation>数据库文件</translation>
    </message>
    <message>
        <source>Data folder</source>
        <translation>数据文件夹</translation>
    </message>
    <message>
        <source>Licences</source>
        <translation>许可证</translation>
    </message>
</context>
<context>
    <name>ActivityBox</name>
    <message>
        <source>Due</source>
        <translation>到期</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Log interaction…</source>
        <translation>记录互动…</translation>
    </message>
    <message>
        <source>Note something that happened, e.g. a poll run today</source>
        <translation>记下发生的事，例如今天发起了一次投票</translation>
    </message>
    <message>
        <source>New task…</source>
        <translation>新建任务…</translation>
    </message>
    <message numerus="yes">
        <source>Open tasks (%n)</source>
        <translation>
            <numerusform>待办任务（%n）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Recent interactions (%n)</source>
        <translation>
            <numerusform>最近互动（%n）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Activity (%n)</source>
        <translation>
            <numerusform>动态（%n）</numerusform>
        </translation>
    </message>
    <message>
        <source>Activity from chat history</source>
        <translation>聊天记录里的活跃度</translation>
    </message>
    <message>
        <source>Activity falling at or below (of before):</source>
        <translation>活跃度下滑：不超过此前的：</translation>
    </message>
    <message>
        <source>… and critical at or below:</source>
        <translation>……严重下滑：不超过：</translation>
    </message>
    <message>
        <source>Enough data: messages a week before, at least:</source>
        <translation>数据足够：此前每周消息至少：</translation>
    </message>
    <message>
        <source>… or messages in 30 days, at least:</source>
        <translation>……或 30 天内消息至少：</translation>
    </message>
    <message>
        <source>One voice: one member sends more than:</source>
        <translation>一人独撑：一名成员发言占比超过：</translation>
    </message>
    <message>
        <source>Monologue: you send more than:</source>
        <translation>独角戏：你的发言占比超过：</translation>
    </message>
    <message>
        <source>Soul figure: a share of messages of at least:</source>
        <translation>灵魂人物：发言占比至少：</translation>
    </message>
    <message>
        <source>Soul figure: messages in 30 days, at least:</source>
        <translation>灵魂人物：30 天内消息至少：</translation>
    </message>
    <message>
        <source>Soul figure: days with a message, at least:</source>
        <translation>灵魂人物：发言天数至少：</translation>
    </message>
    <message>
        <source>Went quiet after at least (messages before):</source>
        <translation>沉默：此前消息至少：</translation>
    </message>
    <message>
        <source>Newcomers silent: joined in 90 days, at least:</source>
        <translation>新人不说话：90 天内入群至少：</translation>
    </message>
    <message>
        <source>… and fewer of them spoke than:</source>
        <translation>……且其中发言的少于：</translation>
    </message>
    <message>
        <source>Regular: days with a message in 30, at least:</source>
        <translation>常发言：30 天内发言天数至少：</translation>
    </message>
    <message>
        <source>Occasional: days with a message, at least:</source>
        <translation>偶尔发言：发言天数至少：</translation>
    </message>
    <message>
        <source>Ads standing: ad-like messages of the last (days):</source>
        <translation>广告没人管：统计最近（天）的疑似广告：</translation>
    </message>
    <message>
        <source>Ad words: a message with one of these and a link, phone number or chat handle is ad-like (from chat imports made after saving). Separate them with commas or new lines.</source>
        <translation>广告词：消息里有其中一个词，又带链接、电话或联系账号，就算疑似广告（保存后导入的聊天记录起生效）。用逗号或换行分隔。</translation>
    </message>
    <message>
        <source>Save activity settings</source>
        <translation>保存活跃度设置</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
</context>
<context>
    <name>ActivityChart</name>
    <message>
        <source>No activity data</source>
        <translation>暂无互动数据</translation>
    </message>
    <message>
        <source>Interactions per week, by the week&apos;s first day: {counts}</source>
        <translation>每周互动次数（按每周第一天）：{counts}</translation>
    </message>
    <message numerus="yes">
        <source>Interactions per week, last %n week(s), oldest first: {counts}</source>
        <translation>
            <numerusform>最近 %n 周每周的互动次数（从早到晚）：{counts}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ActivityHeadline</name>
    <message>
        <source>Messages, last 30 days:</source>
        <translation>近 30 天消息：</translation>
    </message>
    <message>
        <source>Speakers, last 30 days:</source>
        <translation>近 30 天发言人：</translation>
    </message>
    <message>
        <source>Speaking share:</source>
        <translation>发言比例：</translation>
    </message>
    <message>
        <source>Loudest voice&apos;s share:</source>
        <translation>发言最多者占比：</translation>
    </message>
    <message>
        <source>Trend:</source>
        <translation>趋势：</translation>
    </message>
    <message>
        <source>Newcomers who spoke:</source>
        <translation>新人发言：</translation>
    </message>
    <message numerus="yes">
        <source>%n message(s)</source>
        <translation>
            <numerusform>%n 条消息</numerusform>
        </translation>
    </message>
    <message>
        <source> ({count} yours, {share})</source>
        <translation>（你发了 {count} 条，占 {share}）</translation>
    </message>
    <message numerus="yes">
        <source>%n of {members} member(s)</source>
        <translation>
            <numerusform>{members} 名成员中的 %n 人</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{spoke} of %n who joined in the last 90 days ({share})</source>
        <translation>
            <numerusform>近 90 天入群的 %n 人中 {spoke} 人发过言（{share}）</numerusform>
        </translation>
    </message>
    <message>
        <source>nobody joined in the last 90 days</source>
        <translation>近 90 天没有人入群</translation>
    </message>
</context>
<context>
    <name>ActivityWords</name>
    <message>
        <source>Regular</source>
        <translation>经常发言</translation>
    </message>
    <message>
        <source>Occasional</source>
        <translation>偶尔发言</translation>
    </message>
    <message>
        <source>Once</source>
        <translation>只说过一次</translation>
    </message>
    <message>
        <source>Silent</source>
        <translation>沉默</translation>
    </message>
    <message>
        <source>last 4 weeks {recent}/week vs {earlier}/week before</source>
        <translation>近 4 周每周 {recent} 条，之前每周 {earlier} 条</translation>
    </message>
    <message>
        <source>not enough messages for a trend</source>
        <translation>消息太少，算不出趋势</translation>
    </message>
</context>
<context>
    <name>AdSendersDialog</name>
    <message>
        <source>Ads standing in {group}</source>
        <translation>{group}中未处理的广告</translation>
    </message>
    <message>
        <source>Ad-like messages with no violation logged for their sender since. Log one violation per sender: the excerpts are the evidence, and the strike ladder suggests the action.</source>
        <translation>这些疑似广告的消息发出后，还没有为发送者记录违规。每位发送者记录一次违规：消息摘录作为证据，处罚阶梯会建议处理方式。</translation>
    </message>
    <message numerus="yes">
        <source>{name} (%n message(s))</source>
        <translation>
            <numerusform>{name}（%n 条消息）</numerusform>
        </translation>
    </message>
    <message>
        <source>Log violation…</source>
        <translation>记录违规…</translation>
    </message>
    <message>
        <source>Not matched to a member</source>
        <translation>未对应到成员</translation>
    </message>
    <message>
        <source>Match this sender to a member (import the chat again) to log it</source>
        <translation>请先把该发送者对应到某位成员（重新导入聊天记录），才能记录违规</translation>
    </message>
    <message>
        <source>No ad-like message is standing.</source>
        <translation>没有未处理的疑似广告。</translation>
    </message>
    <message numerus="yes">
        <source>Violations logged for %n sender(s)</source>
        <translation>
            <numerusform>已为 %n 位发送者记录违规</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AddToGroupDialog</name>
    <message>
        <source>Add to group</source>
        <translation>加入群组</translation>
    </message>
    <message numerus="yes">
        <source>Add %n member(s) to a group. Members already in it stay as they are.</source>
        <translation>
            <numerusform>将 %n 名成员加入一个群。已在群中的成员保持不变。</numerusform>
        </translation>
    </message>
    <message>
        <source>Group:</source>
        <translation>群组：</translation>
    </message>
    <message>
        <source>There is no group yet. Create one in Groups first.</source>
        <translation>还没有群组。请先在“群组”中创建。</translation>
    </message>
    <message numerus="yes">
        <source>Added %n member(s) to {group}.</source>
        <translation>
            <numerusform>已将 %n 名成员加入 {group}。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Added %n member(s) to {group}; {already} already in it.</source>
        <translation>
            <numerusform>已将 %n 名成员加入 {group}；{already} 名已在群中。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AdoptRulesDialog</name>
    <message>
        <source>Adopt rules</source>
        <translation>采用群规</translation>
    </message>
    <message>
        <source>Tick the rules “{group}” should follow. They are added after its rules.</source>
        <translation>勾选“{group}”应遵守的规则。它们会排在现有群规之后。</translation>
    </message>
    <message>
        <source>Adopt</source>
        <translation>采用</translation>
    </message>
    <message>
        <source>This group has adopted every rule in the library already.</source>
        <translation>本群已采用规则库中的全部规则。</translation>
    </message>
</context>
<context>
    <name>AgendaTab</name>
    <message>
        <source>What happens, e.g. introductions</source>
        <translation>做什么，例如：自我介绍</translation>
    </message>
    <message>
        <source>Owner (optional)</source>
        <translation>负责人（可选）</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>Huoqun cannot open the database</source>
        <translation>活群无法打开数据库</translation>
    </message>
</context>
<context>
    <name>BackupsBox</name>
    <message>
        <source>Daily</source>
        <translation>每日备份</translation>
    </message>
    <message>
        <source>Backed up by hand</source>
        <translation>手动备份</translation>
    </message>
    <message>
        <source>Before a bulk change</source>
        <translation>批量修改前</translation>
    </message>
    <message>
        <source>Before an import</source>
        <translation>导入前</translation>
    </message>
    <message>
        <source>Before a restore</source>
        <translation>恢复前</translation>
    </message>
    <message>
        <source>Before an upgrade</source>
        <translation>升级前</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>备份</translation>
    </message>
    <message>
        <source>Made</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Huoqun backs up once a day and before every import, bulk change and restore; it keeps every backup of the last two days, then one a day for 12 days, one a week for 10 weeks and one a month for 9 months.</source>
        <translation>活群每天备份一次，并在每次导入、批量修改和恢复之前备份；保留最近两天的全部备份，之后 12 天每天一份、10 周每周一份、9 个月每月一份。</translation>
    </message>
    <message>
        <source>Back up now</source>
        <translation>立即备份</translation>
    </message>
    <message>
        <source>Restore…</source>
        <translation>恢复…</translation>
    </message>
    <message>
        <source>Backing up…</source>
        <translation>正在备份…</translation>
    </message>
    <message>
        <source>Backed up to {file}.</source>
        <translation>已备份到 {file}。</translation>
    </message>
    <message>
        <source>Restore a backup</source>
        <translation>恢复备份</translation>
    </message>
    <message>
        <source>Restore the backup made {made}? Everything changed since then is replaced. The data as it is now is backed up first, so this can be undone.</source>
        <translation>恢复 {made} 的备份？此后的所有更改都会被替换。恢复前会先备份当前数据，因此可以撤销。</translation>
    </message>
    <message>
        <source>Restoring…</source>
        <translation>正在恢复…</translation>
    </message>
    <message>
        <source>Restored the backup made {made}.</source>
        <translation>已恢复 {made} 的备份。</translation>
    </message>
</context>
<context>
    <name>BanDialog</name>
    <message>
        <source>Ban {name}</source>
        <translation>封禁 {name}</translation>
    </message>
    <message>
        <source>{name} will be marked as banned in every group and on every platform.</source>
        <translation>{name} 将在所有群、所有平台被标记为已封禁。</translation>
    </message>
    <message numerus="yes">
        <source>They are still in %n group(s): {groups}. A task to remove them is added to the queue for each.</source>
        <translation>
            <numerusform>TA 仍在 %n 个群中：{groups}。每个群都会在待办中添加一项移出任务。</numerusform>
        </translation>
    </message>
    <message>
        <source>Why, e.g. third advertising strike</source>
        <translation>原因，例如第三次发广告</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>原因(&amp;R)：</translation>
    </message>
    <message>
        <source>Ban</source>
        <translation>封禁</translation>
    </message>
    <message numerus="yes">
        <source>Banned; %n removal task(s) created.</source>
        <translation>
            <numerusform>已封禁；已创建 %n 项移出任务。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BanListView</name>
    <message>
        <source>Member</source>
        <translation>成员</translation>
    </message>
    <message>
        <source>Banned</source>
        <translation>封禁时间</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Still in</source>
        <translation>仍在群</translation>
    </message>
    <message>
        <source>Mark removed from…</source>
        <translation>标记已移出…</translation>
    </message>
    <message>
        <source>You removed them from a group in the chat app: record it</source>
        <translation>你已在聊天软件里把 TA 移出某个群：记录下来</translation>
    </message>
    <message>
        <source>Unban…</source>
        <translation>解封…</translation>
    </message>
    <message>
        <source>Open member</source>
        <translation>打开成员</translation>
    </message>
    <message>
        <source>Nobody is banned.</source>
        <translation>没有被封禁的人。</translation>
    </message>
    <message numerus="yes">
        <source>%n banned member(s)</source>
        <translation>
            <numerusform>%n 名已封禁成员</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n still in a group: remove them there</source>
        <translation>
            <numerusform>%n 名仍在群中：请在群里移出</numerusform>
        </translation>
    </message>
    <message>
        <source>in no group</source>
        <translation>不在任何群中</translation>
    </message>
</context>
<context>
    <name>BudgetTab</name>
    <message>
        <source>Item, e.g. venue hire</source>
        <translation>项目，例如：场地费</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Amount (¥)</source>
        <translation>金额（元）</translation>
    </message>
    <message>
        <source>Total: ¥{amount}</source>
        <translation>合计：¥{amount}</translation>
    </message>
</context>
<context>
    <name>CandidatesView</name>
    <message>
        <source>Criteria met</source>
        <translation>符合的条件</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>层级</translation>
    </message>
    <message>
        <source>Groups</source>
        <translation>所在群</translation>
    </message>
    <message>
        <source>In the chat</source>
        <translation>群聊中</translation>
    </message>
    <message>
        <source>Promote…</source>
        <translation>晋升…</translation>
    </message>
    <message>
        <source>Demote…</source>
        <translation>降级…</translation>
    </message>
    <message>
        <source>Move them up one tier (or another you pick), with a reason</source>
        <translation>升一级（或你选的其他层级），并写明原因</translation>
    </message>
    <message>
        <source>Move them down one tier (or another you pick), with a reason</source>
        <translation>降一级（或你选的其他层级），并写明原因</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>暂不考虑</translation>
    </message>
    <message numerus="yes">
        <source>Not now: they are not suggested again for %n day(s)</source>
        <translation>
            <numerusform>暂不考虑：%n 天内不再建议</numerusform>
        </translation>
    </message>
    <message>
        <source>Open member</source>
        <translation>打开成员</translation>
    </message>
    <message numerus="yes">
        <source>%n meetup(s) attended</source>
        <translation>
            <numerusform>参加过 %n 次线下活动</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>member for %n day(s)</source>
        <translation>
            <numerusform>入群 %n 天</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>no strike in %n day(s)</source>
        <translation>
            <numerusform>%n 天内无违规</numerusform>
        </translation>
    </message>
    <message>
        <source>star member</source>
        <translation>明星成员</translation>
    </message>
    <message numerus="yes">
        <source>no contact for %n day(s)</source>
        <translation>
            <numerusform>%n 天未联系</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>spoke on %n of the last 30 days</source>
        <translation>
            <numerusform>最近 30 天里有 %n 天发言</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>silent in the chat for %n day(s)</source>
        <translation>
            <numerusform>在群聊中 %n 天没发言</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n of 30 days</source>
        <translation>
            <numerusform>30 天中 %n 天</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>silent %n day(s)</source>
        <translation>
            <numerusform>沉默 %n 天</numerusform>
        </translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message numerus="yes">
        <source>%n suggestion(s)</source>
        <translation>
            <numerusform>%n 条建议</numerusform>
        </translation>
    </message>
    <message>
        <source>Nobody meets the criteria right now. Loosen them on the right to see more.</source>
        <translation>目前没有人符合条件。可在右侧放宽条件查看更多。</translation>
    </message>
    <message numerus="yes">
        <source>Nobody to suggest. A helper is suggested when there has been no contact for %n times their tier&apos;s check-in cadence.</source>
        <translation>
            <numerusform>没有需要建议的人。骨干超过其层级联系周期的 %n 倍未联系时，才会被建议降级。</numerusform>
        </translation>
    </message>
    <message>
        <source>Suggested for promotion: {criteria}</source>
        <translation>建议晋升：{criteria}</translation>
    </message>
    <message>
        <source>Suggested for demotion: {criteria}</source>
        <translation>建议降级：{criteria}</translation>
    </message>
</context>
<context>
    <name>CareNoteDialog</name>
    <message>
        <source>Public thanks</source>
        <translation>公开感谢</translation>
    </message>
    <message>
        <source>A title or role</source>
        <translation>头衔或职务</translation>
    </message>
    <message>
        <source>A gift</source>
        <translation>礼物</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Recognise {name}</source>
        <translation>表彰 {name}</translation>
    </message>
    <message>
        <source>What for, e.g. thanked in the group for running the book swap</source>
        <translation>因为什么，例如在群里感谢 TA 组织换书活动</translation>
    </message>
    <message>
        <source>How:</source>
        <translation>方式：</translation>
    </message>
    <message>
        <source>Log recognition</source>
        <translation>记录表彰</translation>
    </message>
    <message>
        <source>Check in with {name}</source>
        <translation>与 {name} 沟通</translation>
    </message>
    <message>
        <source>What you talked about, e.g. plans for the spring meetup</source>
        <translation>聊了什么，例如春季聚会的计划</translation>
    </message>
    <message>
        <source>Log check-in</source>
        <translation>记录沟通</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>备注：</translation>
    </message>
</context>
<context>
    <name>CareWords</name>
    <message>
        <source>never</source>
        <translation>从未</translation>
    </message>
    <message>
        <source>never (helper since {day})</source>
        <translation>从未（{day} 起任骨干）</translation>
    </message>
</context>
<context>
    <name>ChangeTierDialog</name>
    <message>
        <source>Set tier: {name}</source>
        <translation>设置层级：{name}</translation>
    </message>
    <message>
        <source>Why (optional), e.g. runs the weekly quiz</source>
        <translation>原因（可选），例如负责每周问答</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>原层级：</translation>
    </message>
    <message>
        <source>To:</source>
        <translation>新层级：</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>原因：</translation>
    </message>
    <message>
        <source>Set tier</source>
        <translation>设置层级</translation>
    </message>
</context>
<context>
    <name>ChatActivityTab</name>
    <message>
        <source>Since the last roster import</source>
        <translation>上次导入名单以来</translation>
    </message>
    <message>
        <source>No chat history yet</source>
        <translation>还没有聊天记录</translation>
    </message>
    <message>
        <source>Import an export of this group&apos;s chat (QQ, WeChat, Telegram, Discord) to see who talks, who went quiet and whether the group is falling away.</source>
        <translation>导入本群的聊天记录导出文件（QQ、微信、Telegram、Discord），就能看到谁在说话、谁沉默了，以及群是否在冷下去。</translation>
    </message>
    <message>
        <source>Import chat history…</source>
        <translation>导入聊天记录…</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>成员</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>消息</translation>
    </message>
    <message>
        <source>Days</source>
        <translation>天数</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>占比</translation>
    </message>
    <message>
        <source>Messages before</source>
        <translation>之前的消息</translation>
    </message>
    <message>
        <source>Last spoke</source>
        <translation>最后发言</translation>
    </message>
    <message>
        <source>Joined</source>
        <translation>入群</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>发送时间</translation>
    </message>
    <message>
        <source>Sender</source>
        <translation>发送人</translation>
    </message>
    <message>
        <source>Violation logged</source>
        <translation>已记违规</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>消息内容</translation>
    </message>
    <message>
        <source>Mark as star / invite to helpers…</source>
        <translation>标为明星 / 邀请做帮手…</translation>
    </message>
    <message>
        <source>Reach out…</source>
        <translation>联系他们…</translation>
    </message>
    <message>
        <source>Welcome the newcomers…</source>
        <translation>欢迎新人…</translation>
    </message>
    <message>
        <source>Log violations…</source>
        <translation>记录违规…</translation>
    </message>
    <message>
        <source>Schedule a topic…</source>
        <translation>安排一个话题…</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No — still standing</source>
        <translation>否 — 仍未处理</translation>
    </message>
    <message>
        <source>(not matched to a member)</source>
        <translation>（未对应到成员）</translation>
    </message>
    <message>
        <source>Chat activity</source>
        <translation>发言情况</translation>
    </message>
    <message>
        <source>Messages and speakers per week, from {first} to the week of {last}</source>
        <translation>每周消息与发言人数，从 {first} 到 {last} 这一周</translation>
    </message>
    <message numerus="yes">
        <source>Top speakers, last 30 days (%n)</source>
        <translation>
            <numerusform>近 30 天发言最多（%n）</numerusform>
        </translation>
    </message>
    <message>
        <source>No member spoke in the last 30 days.</source>
        <translation>近 30 天没有成员发言。</translation>
    </message>
    <message numerus="yes">
        <source>Soul figures (%n)</source>
        <translation>
            <numerusform>灵魂人物（%n）</numerusform>
        </translation>
    </message>
    <message>
        <source>Nobody carries the talk on many days yet.</source>
        <translation>还没有人在很多天里撑起聊天。</translation>
    </message>
    <message>
        <source>They keep the group talking on many days; worth thanking or a helper&apos;s role.</source>
        <translation>他们在很多天里让群保持热闹；值得感谢，或请他们做帮手。</translation>
    </message>
    <message numerus="yes">
        <source>Went quiet (%n)</source>
        <translation>
            <numerusform>沉默了（%n）</numerusform>
        </translation>
    </message>
    <message>
        <source>Nobody who used to talk has gone quiet.</source>
        <translation>以前说话的人都还在说话。</translation>
    </message>
    <message>
        <source>Talked in the 90 days before the last 30, silent since; most active first.</source>
        <translation>在近 30 天之前的 90 天里发过言，之后没再说话；最活跃的在前。</translation>
    </message>
    <message numerus="yes">
        <source>Silent newcomers (%n)</source>
        <translation>
            <numerusform>没说过话的新人（%n）</numerusform>
        </translation>
    </message>
    <message>
        <source>Every newcomer of the last 90 days has spoken.</source>
        <translation>近 90 天的新人都发过言了。</translation>
    </message>
    <message>
        <source>Nobody joined in the last 90 days.</source>
        <translation>近 90 天没有人入群。</translation>
    </message>
    <message numerus="yes">
        <source>Ad-like messages, last {days} days (%n)</source>
        <translation>
            <numerusform>近 {days} 天疑似广告（%n）</numerusform>
        </translation>
    </message>
    <message>
        <source>No ad-like message in the last {days} days.</source>
        <translation>近 {days} 天没有疑似广告。</translation>
    </message>
</context>
<context>
    <name>ChatEntry</name>
    <message>
        <source>Bring in a group&apos;s chat export: Telegram, Discord, QQ or WeChat</source>
        <translation>导入群的聊天记录导出文件：Telegram、Discord、QQ 或微信</translation>
    </message>
    <message>
        <source>Import chat history…</source>
        <translation>导入聊天记录…</translation>
    </message>
</context>
<context>
    <name>ChatGroupRow</name>
    <message>
        <source>New group…</source>
        <translation>新建群…</translation>
    </message>
    <message>
        <source>The new group&apos;s name</source>
        <translation>新群的名称</translation>
    </message>
    <message>
        <source>Name the new group.</source>
        <translation>请给新群起个名字。</translation>
    </message>
    <message>
        <source>There is already a group called “{name}”: the chat goes into it.</source>
        <translation>已有名为“{name}”的群：聊天记录将导入该群。</translation>
    </message>
    <message>
        <source>A new group “{name}” will be created.</source>
        <translation>将新建群“{name}”。</translation>
    </message>
    <message>
        <source>Found by the chat&apos;s id.</source>
        <translation>按聊天的 ID 找到。</translation>
    </message>
    <message>
        <source>The group whose page you came from.</source>
        <translation>您打开向导时所在页面的群。</translation>
    </message>
    <message>
        <source>Found by the chat&apos;s name.</source>
        <translation>按聊天的名称找到。</translation>
    </message>
    <message>
        <source>Chosen by you.</source>
        <translation>由您选择。</translation>
    </message>
</context>
<context>
    <name>ChatPreviewTab</name>
    <message>
        <source>Each of these senders could be several members of the group. Choose who each is; a skipped sender&apos;s messages are kept without a member.</source>
        <translation>以下发言人可能对应群里的多名成员。请为每人选择对应的成员；跳过的发言人的消息会保留，但不归属任何成员。</translation>
    </message>
    <message>
        <source>Senders, most messages first. Select your own account and press “This is me”: its messages then count as yours, and the id is saved to My accounts when you import.</source>
        <translation>发言人，按消息数从多到少。选中您自己的账号并点“这是我”：其消息将算作您的，导入时该 ID 会保存到“我的账号”。</translation>
    </message>
    <message>
        <source>This is me</source>
        <translation>这是我</translation>
    </message>
    <message>
        <source>a new group “{name}”</source>
        <translation>新群“{name}”</translation>
    </message>
    <message>
        <source>the group “{name}”</source>
        <translation>群“{name}”</translation>
    </message>
    <message>
        <source>Into {group}.</source>
        <translation>导入到{group}。</translation>
    </message>
    <message>
        <source>These files were imported before: nothing in them is new.</source>
        <translation>这些文件以前导入过：其中没有新内容。</translation>
    </message>
    <message>
        <source>Messages from {first} to {last}.</source>
        <translation>消息时间：{first} 至 {last}。</translation>
    </message>
    <message>
        <source>Messages: {new} new, {known} already imported.</source>
        <translation>消息：新 {new} 条，已导入过 {known} 条。</translation>
    </message>
    <message>
        <source>Senders: {matched} matched to members, {new} new members, {ambiguous} ambiguous.</source>
        <translation>发言人：{matched} 人匹配到成员，{new} 人为新成员，{ambiguous} 人有歧义。</translation>
    </message>
    <message>
        <source>Your own messages: {mine}.</source>
        <translation>您自己的消息：{mine} 条。</translation>
    </message>
    <message>
        <source>Joins: {joins}. Leaves: {leaves}. Ad-like messages: {ads}.</source>
        <translation>入群：{joins} 次。退群：{leaves} 次。疑似广告：{ads} 条。</translation>
    </message>
    <message>
        <source>Sender</source>
        <translation>发言人</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>消息数</translation>
    </message>
    <message>
        <source>Who is it</source>
        <translation>是谁</translation>
    </message>
    <message>
        <source>Skip: keep the messages without a member</source>
        <translation>跳过：保留消息，不归属成员</translation>
    </message>
    <message>
        <source>A new member</source>
        <translation>新成员</translation>
    </message>
    <message>
        <source>{name} (“{nickname}” in the group)</source>
        <translation>{name}（群昵称“{nickname}”）</translation>
    </message>
    <message>
        <source>QQ {qq}</source>
        <translation>QQ {qq}</translation>
    </message>
    <message>
        <source>since {day}</source>
        <translation>{day} 起</translation>
    </message>
    <message>
        <source>Matched as</source>
        <translation>匹配为</translation>
    </message>
    <message>
        <source>The export gives this sender no id to remember.</source>
        <translation>导出文件没有给出此发言人的 ID，无法记住。</translation>
    </message>
</context>
<context>
    <name>ChatWizard</name>
    <message>
        <source>Import chat history</source>
        <translation>导入聊天记录</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message numerus="yes">
        <source>Reading %n file(s)…</source>
        <translation>
            <numerusform>正在读取 %n 个文件…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Reading %n chat(s) for the preview…</source>
        <translation>
            <numerusform>正在读取 %n 个聊天以生成预览…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Importing %n message(s)…</source>
        <translation>
            <numerusform>正在导入 %n 条消息…</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose chat history exports</source>
        <translation>选择聊天记录导出文件</translation>
    </message>
    <message>
        <source>Chat exports (*.json *.jsonl *.csv *.txt);;All files (*)</source>
        <translation>聊天记录导出文件 (*.json *.jsonl *.csv *.txt);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>ChatWords</name>
    <message>
        <source>Telegram Desktop export (JSON)</source>
        <translation>Telegram 桌面版导出（JSON）</translation>
    </message>
    <message>
        <source>DiscordChatExporter (JSON)</source>
        <translation>DiscordChatExporter（JSON）</translation>
    </message>
    <message>
        <source>DiscordChatExporter (CSV)</source>
        <translation>DiscordChatExporter（CSV）</translation>
    </message>
    <message>
        <source>QQ message manager (TXT)</source>
        <translation>QQ 消息管理器（TXT）</translation>
    </message>
    <message>
        <source>QQ Chat Exporter (JSON)</source>
        <translation>QQ Chat Exporter（JSON）</translation>
    </message>
    <message>
        <source>QQ Chat Exporter (chunked JSONL)</source>
        <translation>QQ Chat Exporter（分块 JSONL）</translation>
    </message>
    <message>
        <source>MemoTrace / WeChatMsg (CSV)</source>
        <translation>留痕 MemoTrace / WeChatMsg（CSV）</translation>
    </message>
    <message>
        <source>PyWxDump (CSV)</source>
        <translation>PyWxDump（CSV）</translation>
    </message>
    <message>
        <source>WeFlow / EchoTrace (JSON)</source>
        <translation>WeFlow / EchoTrace（JSON）</translation>
    </message>
    <message>
        <source>ChatLab (JSON)</source>
        <translation>ChatLab（JSON）</translation>
    </message>
    <message>
        <source>ChatLab (JSONL)</source>
        <translation>ChatLab（JSONL）</translation>
    </message>
    <message>
        <source>group</source>
        <translation>群</translation>
    </message>
    <message>
        <source>supergroup</source>
        <translation>超级群</translation>
    </message>
    <message>
        <source>channel</source>
        <translation>频道</translation>
    </message>
    <message>
        <source>chat</source>
        <translation>聊天</translation>
    </message>
    <message>
        <source>a member</source>
        <translation>已有成员</translation>
    </message>
    <message>
        <source>new member</source>
        <translation>新成员</translation>
    </message>
    <message>
        <source>ambiguous</source>
        <translation>有歧义</translation>
    </message>
    <message>
        <source>not matched</source>
        <translation>未匹配</translation>
    </message>
    <message>
        <source>you (My accounts)</source>
        <translation>您（我的账号）</translation>
    </message>
</context>
<context>
    <name>ChatsPage</name>
    <message>
        <source>What the files hold</source>
        <translation>文件里有什么</translation>
    </message>
    <message numerus="yes">
        <source>Format: {format}, from {platform}. %n chat(s) found.</source>
        <translation>
            <numerusform>格式：{format}，来自 {platform}。找到 %n 个聊天。</numerusform>
        </translation>
    </message>
    <message>
        <source>Tick the chats to import.</source>
        <translation>勾选要导入的聊天。</translation>
    </message>
    <message>
        <source>This chat will be imported.</source>
        <translation>将导入这个聊天。</translation>
    </message>
    <message>
        <source>A whole-account export: its group chats are listed; private chats are never imported.</source>
        <translation>这是整个账号的导出：列出的是其中的群聊；私聊从不导入。</translation>
    </message>
    <message>
        <source>id {id}</source>
        <translation>ID {id}</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s)</source>
        <translation>
            <numerusform>%n 个文件</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CheckinDialog</name>
    <message>
        <source>Check in with a helper of {group}</source>
        <translation>与 {group} 的骨干沟通</translation>
    </message>
    <message>
        <source>Helper:</source>
        <translation>骨干：</translation>
    </message>
    <message>
        <source>When:</source>
        <translation>时间：</translation>
    </message>
    <message>
        <source>Add to the queue</source>
        <translation>加入待办</translation>
    </message>
    <message>
        <source>The group has no helper yet: appoint one first.</source>
        <translation>这个群还没有骨干：请先任命一位。</translation>
    </message>
    <message>
        <source>Check-in with {name} queued for {when}</source>
        <translation>已加入待办：{when} 与 {name} 沟通</translation>
    </message>
    <message>
        <source>Check-in with {name} moved to {when}</source>
        <translation>与 {name} 的沟通已改到 {when}</translation>
    </message>
</context>
<context>
    <name>ChecklistTab</name>
    <message>
        <source>Something to do before the day</source>
        <translation>活动前要做的事</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>{done} of {total} done</source>
        <translation>已完成 {done} / {total}</translation>
    </message>
</context>
<context>
    <name>ChecklistTemplateBox</name>
    <message>
        <source>Meetup checklist template</source>
        <translation>线下活动清单模板</translation>
    </message>
    <message>
        <source>Every new meetup&apos;s checklist starts with these items, one per line.</source>
        <translation>每个新活动的清单都从这些项开始，每行一项。</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message numerus="yes">
        <source>Saved %n item(s) for new meetups.</source>
        <translation>
            <numerusform>已为新活动保存 %n 项。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Cli</name>
    <message>
        <source>interrupted; nothing was written.</source>
        <translation>已中断；没有写入任何内容。</translation>
    </message>
    <message>
        <source>{path} is busy: another program is writing to it; nothing was written.</source>
        <translation>{path} 正被另一个程序写入；什么都没有写入。</translation>
    </message>
    <message>
        <source>{groups}, {members}, {memberships}</source>
        <translation>{groups}，{members}，{memberships}</translation>
    </message>
    <message numerus="yes">
        <source>%n group(s)</source>
        <translation>
            <numerusform>%n 个群</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n member(s)</source>
        <translation>
            <numerusform>%n 名成员</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n membership(s)</source>
        <translation>
            <numerusform>%n 条群成员关系</numerusform>
        </translation>
    </message>
    <message>
        <source>{path}: ok — {counts}; {backup}</source>
        <translation>{path}：正常 — {counts}；{backup}</translation>
    </message>
    <message numerus="yes">
        <source>; %n backup(s) dated in the future, not counted: {name}</source>
        <translation>
            <numerusform>；另有 %n 个备份的日期在未来，未计入：{name}</numerusform>
        </translation>
    </message>
    <message>
        <source>no backup yet</source>
        <translation>还没有备份</translation>
    </message>
    <message>
        <source>newest backup {count} min old</source>
        <translation>最近的备份在 {count} 分钟前</translation>
    </message>
    <message>
        <source>newest backup {count} h old</source>
        <translation>最近的备份在 {count} 小时前</translation>
    </message>
    <message numerus="yes">
        <source>newest backup %n day(s) old</source>
        <translation>
            <numerusform>最近的备份在 %n 天前</numerusform>
        </translation>
    </message>
    <message>
        <source>existing group</source>
        <translation>已有的群</translation>
    </message>
    <message>
        <source>new group, platform {platform}</source>
        <translation>新群，平台 {platform}</translation>
    </message>
    <message>
        <source>{file} ({read}, header on line {line}, preset {preset}) → “{group}” ({what})</source>
        <translation>{file}（{read}，表头在第 {line} 行，预设 {preset}）→“{group}”（{what}）</translation>
    </message>
    <message>
        <source>new {new}, updated {updated}, unchanged {unchanged}, invalid {invalid}, marked left {left}, banned coming back {banned}</source>
        <translation>新增 {new}，更新 {updated}，未变 {unchanged}，无效 {invalid}，标记退群 {left}，被封禁者回归 {banned}</translation>
    </message>
    <message>
        <source>not imported: {columns}</source>
        <translation>未导入：{columns}</translation>
    </message>
    <message>
        <source>line {line}, {column}: {reason}</source>
        <translation>第 {line} 行，{column}：{reason}</translation>
    </message>
    <message>
        <source>row</source>
        <translation>整行</translation>
    </message>
    <message>
        <source>banned, coming back: {name} (#{id})</source>
        <translation>已封禁，又回来了：{name}（#{id}）</translation>
    </message>
    <message>
        <source>first roster of this group; went quiet {quiet}</source>
        <translation>这是该群的第一份名单；沉寂 {quiet} 人</translation>
    </message>
    <message>
        <source>since the roster of {date}: joined {joined}, left {left}, came back {back}, went quiet {quiet}</source>
        <translation>与 {date} 的名单相比：新加入 {joined} 人，离开 {left} 人，回归 {back} 人，沉寂 {quiet} 人</translation>
    </message>
    <message>
        <source>joined</source>
        <translation>新加入</translation>
    </message>
    <message>
        <source>left</source>
        <translation>离开</translation>
    </message>
    <message>
        <source>came back</source>
        <translation>回归</translation>
    </message>
    <message>
        <source>went quiet</source>
        <translation>沉寂</translation>
    </message>
    <message>
        <source>{name} (#{id})</source>
        <translation>{name}（#{id}）</translation>
    </message>
    <message>
        <source>{name} (new)</source>
        <translation>{name}（新成员）</translation>
    </message>
    <message>
        <source>… and {count} more</source>
        <translation>……另有 {count} 人</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>{title}: {names}</source>
        <translation>{title}：{names}</translation>
    </message>
    <message>
        <source>{chat} ({format}) → “{group}”</source>
        <translation>{chat}（{format}）→「{group}」</translation>
    </message>
    <message>
        <source>messages new {new}, already imported {known}; senders matched {matched}, new {senders_new}, ambiguous {ambiguous}; joins {joins}, leaves {leaves}</source>
        <translation>新消息 {new} 条，已导入过 {known} 条；发言人匹配 {matched} 位，新成员 {senders_new} 位，不确定 {ambiguous} 位；入群 {joins} 次，退群 {leaves} 次</translation>
    </message>
    <message>
        <source>first message {first}, last message {last}</source>
        <translation>最早消息 {first}，最新消息 {last}</translation>
    </message>
    <message>
        <source>dry run: nothing was written.</source>
        <translation>试运行：没有写入任何内容。</translation>
    </message>
    <message>
        <source>written in {seconds} s; backup: {backup}</source>
        <translation>已写入，用时 {seconds} 秒；备份：{backup}</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>critical</source>
        <translation>严重</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>info</source>
        <translation>提示</translation>
    </message>
    <message>
        <source>good</source>
        <translation>良好</translation>
    </message>
    <message>
        <source>{path}: {members} in {groups} ({memberships}) in {seconds} s</source>
        <translation>{path}：{members}，分布在 {groups}（{memberships}），用时 {seconds} 秒</translation>
    </message>
    <message>
        <source>{path}: {count}</source>
        <translation>{path}：{count}</translation>
    </message>
    <message numerus="yes">
        <source>%n meetup(s)</source>
        <translation>
            <numerusform>%n 场活动</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n page(s)</source>
        <translation>
            <numerusform>%n 页</numerusform>
        </translation>
    </message>
    <message>
        <source>{path}: {count} ({format})</source>
        <translation>{path}：{count}（{format}）</translation>
    </message>
    <message numerus="yes">
        <source>Today&apos;s plan: %n item(s)</source>
        <translation>
            <numerusform>今日计划：%n 项</numerusform>
        </translation>
    </message>
    <message>
        <source>{open} · {overdue} · {available}</source>
        <translation>{open} · {overdue} · {available}</translation>
    </message>
    <message numerus="yes">
        <source>%n open task(s)</source>
        <translation>
            <numerusform>%n 个未完成任务</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n overdue</source>
        <translation>
            <numerusform>%n 个逾期</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n more suggestion(s)</source>
        <translation>
            <numerusform>另有 %n 条建议</numerusform>
        </translation>
    </message>
    <message>
        <source>No group has chat history yet: import one with huoqun import-chat.</source>
        <translation>还没有群导入聊天记录：用 huoqun import-chat 导入。</translation>
    </message>
    <message>
        <source>{messages} messages in 30 days, {speakers} of {members} members spoke ({share})</source>
        <translation>30 天内 {messages} 条消息，{members} 名成员中 {speakers} 人发言（{share}）</translation>
    </message>
    <message>
        <source>per week: {recent} lately, {earlier} before; trend {trend}</source>
        <translation>每周：近期 {recent} 条，此前 {earlier} 条；趋势 {trend}</translation>
    </message>
    <message>
        <source>Not enough messages yet to judge the group&apos;s activity.</source>
        <translation>消息还太少，无法判断群的活跃度。</translation>
    </message>
    <message>
        <source>Soul figures: {names}</source>
        <translation>灵魂人物：{names}</translation>
    </message>
    <message numerus="yes">
        <source>Went quiet (%n): </source>
        <translation>
            <numerusform>沉默了的人（%n）：</numerusform>
        </translation>
    </message>
    <message>
        <source>Newcomers in 90 days: {joined}, of them spoke: {spoke}</source>
        <translation>90 天内新人：{joined}，其中发过言：{spoke}</translation>
    </message>
    <message numerus="yes">
        <source>Ad-like messages with no violation logged: %n</source>
        <translation>
            <numerusform>未记违规的疑似广告：%n 条</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CriteriaBox</name>
    <message>
        <source>Promotion criteria</source>
        <translation>晋升条件</translation>
    </message>
    <message>
        <source>Stars qualify on their own</source>
        <translation>明星成员可直接入选</translation>
    </message>
    <message>
        <source>Suggested when all three hold, or for a star member, or (with chat history) for a member who spoke on enough days: Settings → Pyramid.</source>
        <translation>三项都满足，或是明星成员，或（有聊天记录时）发言天数足够，就会被建议：见“设置 → 金字塔”。</translation>
    </message>
    <message>
        <source>Save criteria</source>
        <translation>保存条件</translation>
    </message>
    <message>
        <source>Meetups attended ≥</source>
        <translation>参加线下活动 ≥</translation>
    </message>
    <message>
        <source>Days as a member ≥</source>
        <translation>入群天数 ≥</translation>
    </message>
    <message>
        <source>Days without a strike ≥</source>
        <translation>无违规天数 ≥</translation>
    </message>
</context>
<context>
    <name>DailyPlanBox</name>
    <message>
        <source>Today&apos;s plan</source>
        <translation>今日计划</translation>
    </message>
    <message>
        <source>Today leads with a short list to finish in a sitting: your tasks due first, then the most useful suggestions. Suggestions fall due at your working hour.</source>
        <translation>“今日”以一份一次就能做完的短清单开头：先是你到期的任务，再是最有用的建议。建议在你的工作时间到期。</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Items in today&apos;s plan:</source>
        <translation>今日计划条数：</translation>
    </message>
    <message>
        <source>Working hour:</source>
        <translation>工作时间：</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>Group #{id} no longer exists.</source>
        <translation>群组 #{id} 已不存在。</translation>
    </message>
    <message>
        <source>A group needs a name.</source>
        <translation>群组需要一个名称。</translation>
    </message>
    <message>
        <source>A group name can have at most 100 characters.</source>
        <translation>群组名称最多 100 个字符。</translation>
    </message>
    <message>
        <source>There is already a group called “{name}”.</source>
        <translation>已有名为“{name}”的群组。</translation>
    </message>
    <message>
        <source>Unknown platform “{value}”; use one of: {choices}.</source>
        <translation>未知平台“{value}”；可选：{choices}。</translation>
    </message>
    <message>
        <source>Unknown group kind “{value}”; use one of: {choices}.</source>
        <translation>未知群类型“{value}”；可选：{choices}。</translation>
    </message>
    <message>
        <source>member cap</source>
        <translation>人数上限</translation>
    </message>
    <message>
        <source>cadence</source>
        <translation>互动周期</translation>
    </message>
    <message>
        <source>The {what} must be a whole number from 1 to 100000, or empty.</source>
        <translation>{what}须为 1 到 100000 之间的整数，或留空。</translation>
    </message>
    <message>
        <source>“{parent}” cannot be the parent: it is this group or one of its sub-groups.</source>
        <translation>“{parent}”不能作为上级群：它就是本群或本群的子群。</translation>
    </message>
    <message>
        <source>The {what} must have 1 to {limit} characters.</source>
        <translation>{what}须为 1 到 {limit} 个字符。</translation>
    </message>
    <message>
        <source>The {what} has at most {limit} characters.</source>
        <translation>{what}最多 {limit} 个字符。</translation>
    </message>
    <message>
        <source>A meetup has no field “{field}”.</source>
        <translation>线下活动没有“{field}”这一项。</translation>
    </message>
    <message>
        <source>title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>A meetup must end after it starts.</source>
        <translation>线下活动的结束时间须晚于开始时间。</translation>
    </message>
    <message>
        <source>The capacity must be empty or a whole number from 1 to {max}.</source>
        <translation>人数上限须留空，或为 1 到 {max} 之间的整数。</translation>
    </message>
    <message>
        <source>“{status}” is not a meetup status: use {choices}.</source>
        <translation>“{status}”不是活动状态：可选 {choices}。</translation>
    </message>
    <message>
        <source>venue</source>
        <translation>场地</translation>
    </message>
    <message>
        <source>address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Member #{id} no longer exists.</source>
        <translation>成员 #{id} 已不存在。</translation>
    </message>
    <message>
        <source>Choose at least one newcomer.</source>
        <translation>请至少选择一位新人。</translation>
    </message>
    <message>
        <source>An agenda time must be a time.</source>
        <translation>议程时间须为一个时间。</translation>
    </message>
    <message>
        <source>agenda title</source>
        <translation>议程标题</translation>
    </message>
    <message>
        <source>That item no longer exists (#{id}).</source>
        <translation>该项已不存在（#{id}）。</translation>
    </message>
    <message>
        <source>An agenda item has no field “{field}”.</source>
        <translation>议程项没有“{field}”这一项。</translation>
    </message>
    <message>
        <source>checklist item</source>
        <translation>清单项</translation>
    </message>
    <message>
        <source>A budget amount must be a whole number of cents.</source>
        <translation>预算金额须为整数分。</translation>
    </message>
    <message>
        <source>budget item</source>
        <translation>预算项目</translation>
    </message>
    <message>
        <source>meetup role</source>
        <translation>分工</translation>
    </message>
    <message>
        <source>A member needs a display name.</source>
        <translation>成员需要一个显示名称。</translation>
    </message>
    <message>
        <source>A display name can have at most 100 characters.</source>
        <translation>显示名称最多 100 个字符。</translation>
    </message>
    <message>
        <source>Email “{value}” is not an email address.</source>
        <translation>“{value}”不是有效的电子邮箱地址。</translation>
    </message>
    <message>
        <source>Unknown gender “{value}”.</source>
        <translation>未知性别“{value}”。</translation>
    </message>
    <message>
        <source>Unknown status “{value}”; use one of: {choices}.</source>
        <translation>未知状态“{value}”；可选：{choices}。</translation>
    </message>
    <message>
        <source>Choose at least one group.</source>
        <translation>请至少选择一个群。</translation>
    </message>
    <message>
        <source>That tier no longer exists.</source>
        <translation>该层级已不存在。</translation>
    </message>
    <message>
        <source>QQ number</source>
        <translation>QQ 号</translation>
    </message>
    <message>
        <source>WeChat id</source>
        <translation>微信号</translation>
    </message>
    <message>
        <source>phone</source>
        <translation>手机号</translation>
    </message>
    <message>
        <source>Telegram user id</source>
        <translation>Telegram 用户 ID</translation>
    </message>
    <message>
        <source>Discord user id</source>
        <translation>Discord 用户 ID</translation>
    </message>
    <message>
        <source>Type the id of your account first.</source>
        <translation>请先输入你的账号 ID。</translation>
    </message>
    <message>
        <source>User id “{value}” is not valid (1 to 20 digits).</source>
        <translation>用户 ID “{value}” 无效（应为 1 到 20 位数字）。</translation>
    </message>
    <message>
        <source>“{value}” is already one of your accounts.</source>
        <translation>“{value}”已经是你的账号了。</translation>
    </message>
    <message>
        <source>The {what} {value} already belongs to {name} (#{id}). Open that member, or merge the two.</source>
        <translation>{what} {value} 已属于 {name}（#{id}）。请打开该成员，或将两条记录合并。</translation>
    </message>
    <message>
        <source>A reason can have at most {max} characters.</source>
        <translation>原因最多 {max} 个字符。</translation>
    </message>
    <message>
        <source>A ban needs a reason.</source>
        <translation>封禁需要填写原因。</translation>
    </message>
    <message>
        <source>{name} is not banned.</source>
        <translation>{name} 没有被封禁。</translation>
    </message>
    <message>
        <source>Lifting a ban needs a reason.</source>
        <translation>解封需要填写原因。</translation>
    </message>
    <message>
        <source>A tag cannot be empty.</source>
        <translation>标签不能为空。</translation>
    </message>
    <message>
        <source>A tag has at most 40 characters and no comma.</source>
        <translation>标签最多 40 个字符，且不能含逗号。</translation>
    </message>
    <message>
        <source>A group nickname can have at most 100 characters.</source>
        <translation>群名片最多 100 个字符。</translation>
    </message>
    <message>
        <source>Unknown role “{value}”; use one of: {choices}.</source>
        <translation>未知群身份“{value}”；可选：{choices}。</translation>
    </message>
    <message>
        <source>A date is not valid.</source>
        <translation>日期无效。</translation>
    </message>
    <message>
        <source>A member cannot leave a group before joining it.</source>
        <translation>退群日期不能早于入群日期。</translation>
    </message>
    <message>
        <source>That membership no longer exists.</source>
        <translation>该群成员关系已不存在。</translation>
    </message>
    <message>
        <source>{name} was never in “{group}”.</source>
        <translation>{name}从未在“{group}”中。</translation>
    </message>
    <message>
        <source>A member cannot be merged with itself.</source>
        <translation>不能把成员与其自身合并。</translation>
    </message>
    <message>
        <source>{what} “{value}” looks mangled by a spreadsheet (scientific notation); the digits are lost. Use the original number.</source>
        <translation>{what}“{value}”像是被表格软件改成了科学计数法，数字已丢失。请使用原始号码。</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>手机号</translation>
    </message>
    <message>
        <source>Phone “{value}” is not a phone number (5 to 15 digits, +86 allowed).</source>
        <translation>“{value}”不是有效的手机号（5 到 15 位数字，可带 +86）。</translation>
    </message>
    <message>
        <source>QQ number “{value}” is not valid (5 to 11 digits, not starting with 0).</source>
        <translation>QQ 号“{value}”无效（5 到 11 位数字，不以 0 开头）。</translation>
    </message>
    <message>
        <source>WeChat id “{value}” is not valid (4 to 40 letters, digits, _ or -, starting with a letter).</source>
        <translation>微信号“{value}”无效（4 到 40 位字母、数字、_ 或 -，以字母开头）。</translation>
    </message>
    <message>
        <source>{path} is already open in another Huoqun (process {pid} on {host}). Close that one first.</source>
        <translation>{path} 已在另一个活群中打开（{host} 上的进程 {pid}）。请先关闭那个窗口。</translation>
    </message>
    <message>
        <source>Cannot create the lock file {lock} ({detail}).</source>
        <translation>无法创建锁文件 {lock}（{detail}）。</translation>
    </message>
    <message>
        <source>no reason given</source>
        <translation>原因不明</translation>
    </message>
    <message>
        <source>{path} cannot be read ({detail}).</source>
        <translation>无法读取 {path}（{detail}）。</translation>
    </message>
    <message>
        <source>{path} is not a Huoqun database (not an SQLite file).</source>
        <translation>{path} 不是活群数据库（不是 SQLite 文件）。</translation>
    </message>
    <message>
        <source>{path} is an SQLite file of another program.</source>
        <translation>{path} 是其他程序的 SQLite 文件。</translation>
    </message>
    <message>
        <source>{path} was written by a newer version of Huoqun (schema {schema}). Install the newer version to open it.</source>
        <translation>{path} 由更新版本的活群写入（结构 {schema}）。请安装新版本后再打开。</translation>
    </message>
    <message>
        <source>{path} is damaged ({detail}). Restore it from a backup; nothing was written.</source>
        <translation>{path} 已损坏（{detail}）。请从备份恢复；未写入任何内容。</translation>
    </message>
    <message>
        <source>The disk is full; nothing was written.</source>
        <translation>磁盘已满，未写入任何内容。</translation>
    </message>
    <message>
        <source>“{path}” is a folder, not a database file.</source>
        <translation>“{path}”是文件夹，不是数据库文件。</translation>
    </message>
    <message>
        <source>{path} is not a database file (it is a folder or a device).</source>
        <translation>{path} 不是数据库文件（它是文件夹或设备）。</translation>
    </message>
    <message>
        <source>{path} does not exist; check the path. Nothing was created.</source>
        <translation>{path} 不存在，请检查路径。未创建任何文件。</translation>
    </message>
    <message>
        <source>The folder of {path} cannot be created ({detail}).</source>
        <translation>无法创建 {path} 所在的文件夹（{detail}）。</translation>
    </message>
    <message>
        <source>{path} is read-only, and Huoqun must be able to write to it. Make it writable (or open a copy); nothing was written.</source>
        <translation>{path} 是只读的，而活群必须能写入它。请将其设为可写（或打开一份副本）；未写入任何内容。</translation>
    </message>
    <message>
        <source>The folder {folder} is read-only; Huoqun writes its journal and backups beside the database. Nothing was written.</source>
        <translation>文件夹 {folder} 是只读的；活群需要在数据库旁写入日志和备份。未写入任何内容。</translation>
    </message>
    <message>
        <source>{path} has links between records that point nowhere ({count}, the first in table {table}). Restore it from a backup.</source>
        <translation>{path} 中有指向不存在记录的关联（{count} 处，第一处在表 {table}）。请从备份恢复。</translation>
    </message>
    <message>
        <source>A sample community has 1 to {max_members} members and 1 to {max_groups} groups.</source>
        <translation>示例社群可有 1 到 {max_members} 名成员、1 到 {max_groups} 个群。</translation>
    </message>
    <message>
        <source>The database has no member tiers to fill.</source>
        <translation>数据库中没有可填充的成员层级。</translation>
    </message>
    <message>
        <source>The sample community only goes into an empty database; this one already has {groups} groups and {members} members. Choose a new file.</source>
        <translation>示例社群只能载入空数据库；此数据库已有 {groups} 个群、{members} 名成员。请选择一个新文件。</translation>
    </message>
    <message>
        <source>{path} does not exist; there is nothing to back up.</source>
        <translation>{path} 不存在，没有可备份的内容。</translation>
    </message>
    <message>
        <source>{path} does not exist; there is no community to check.</source>
        <translation>{path} 不存在，没有可检查的社群。</translation>
    </message>
    <message>
        <source>{path} does not exist; there is nothing to export.</source>
        <translation>{path} 不存在，没有可导出的内容。</translation>
    </message>
    <message>
        <source>There is no group named “{name}”.</source>
        <translation>没有名为“{name}”的群组。</translation>
    </message>
    <message>
        <source>The member was erased, but the database is busy, so their text stays in the file until Huoqun closes.</source>
        <translation>该成员已删除，但数据库正忙，其文字会在活群关闭时才从文件中清除。</translation>
    </message>
    <message>
        <source>{path} is not a regular file (a folder or a device); nothing was saved.</source>
        <translation>{path} 不是普通文件（是文件夹或设备），未保存任何内容。</translation>
    </message>
    <message>
        <source>{path} cannot be written ({detail}); nothing was saved.</source>
        <translation>无法写入 {path}（{detail}），未保存任何内容。</translation>
    </message>
    <message>
        <source>Unknown export format “{value}”; use one of: {choices}.</source>
        <translation>未知导出格式“{value}”；可选：{choices}。</translation>
    </message>
    <message>
        <source>Unknown language “{value}”; use one of: {choices}.</source>
        <translation>未知语言“{value}”；可选：{choices}。</translation>
    </message>
    <message>
        <source>Choose at least one column to export.</source>
        <translation>请至少选择一列导出。</translation>
    </message>
    <message>
        <source>Unknown column “{value}”; use one of: {choices}.</source>
        <translation>未知列“{value}”；可选：{choices}。</translation>
    </message>
    <message>
        <source>There is no tier with rank {rank}.</source>
        <translation>没有第 {rank} 级的层级。</translation>
    </message>
    <message>
        <source>{name} is not a regular file; choose the exported roster file.</source>
        <translation>{name} 不是普通文件；请选择导出的名单文件。</translation>
    </message>
    <message>
        <source>{name} is {size} MB; roster files over {limit} MB are refused. Split it and import the parts.</source>
        <translation>{name} 有 {size} MB；超过 {limit} MB 的名单文件不予导入。请拆分后分别导入。</translation>
    </message>
    <message>
        <source>{name} cannot be read ({detail}).</source>
        <translation>无法读取 {name}（{detail}）。</translation>
    </message>
    <message>
        <source>{name} is not a regular file; choose the exported chat history file.</source>
        <translation>{name} 不是普通文件；请选择导出的聊天记录文件。</translation>
    </message>
    <message>
        <source>{name} is empty.</source>
        <translation>{name} 是空文件。</translation>
    </message>
    <message>
        <source>{name} is {size} GB; chat exports over {limit} GB are refused.</source>
        <translation>{name} 有 {size} GB；超过 {limit} GB 的聊天记录导出文件不予读取。</translation>
    </message>
    <message>
        <source>{name} is a zip archive; unpack it and choose the chat export inside.</source>
        <translation>{name} 是 zip 压缩包；请先解压，再选择其中的聊天记录导出文件。</translation>
    </message>
    <message>
        <source>{name} is a binary file, not a chat history export.</source>
        <translation>{name} 是二进制文件，不是聊天记录导出文件。</translation>
    </message>
    <message>
        <source>{name} is damaged or cut short ({detail}); export the chat again.</source>
        <translation>{name} 已损坏或不完整（{detail}）；请重新导出聊天记录。</translation>
    </message>
    <message>
        <source>{name} is not in one text encoding (line {line} is not {encoding}).</source>
        <translation>{name} 混用了多种文本编码（第 {line} 行不是 {encoding}）。</translation>
    </message>
    <message>
        <source>{name} is an old Excel .xls workbook; save it as .xlsx or CSV and import that.</source>
        <translation>{name} 是旧版 Excel .xls 工作簿；请另存为 .xlsx 或 CSV 后再导入。</translation>
    </message>
    <message>
        <source>The delimiter must be one character, like a comma, a semicolon or a tab.</source>
        <translation>分隔符须为单个字符，例如逗号、分号或制表符。</translation>
    </message>
    <message>
        <source>Unknown encoding “{encoding}”.</source>
        <translation>未知编码“{encoding}”。</translation>
    </message>
    <message>
        <source>“{encoding}” is not a text encoding; choose UTF-8 or GB18030.</source>
        <translation>“{encoding}”不是文本编码；请选择 UTF-8 或 GB18030。</translation>
    </message>
    <message>
        <source>{name} looks like a binary file, not a CSV or TSV roster (it contains NUL bytes). Export the roster as CSV or XLSX.</source>
        <translation>{name} 像是二进制文件，而不是 CSV 或 TSV 名单（含有 NUL 字节）。请将名单导出为 CSV 或 XLSX。</translation>
    </message>
    <message>
        <source>{name} is not in UTF-8, UTF-16 or GB18030 (it may be {guess}). Choose its encoding, or save it as UTF-8 and import it again.</source>
        <translation>{name} 不是 UTF-8、UTF-16 或 GB18030 编码（可能是 {guess}）。请选择它的编码，或另存为 UTF-8 后重新导入。</translation>
    </message>
    <message>
        <source>{name} mixes text encodings: it reads as {first}, but line {line} is {other}. Save the whole file in one encoding and import it again.</source>
        <translation>{name} 混用了多种编码：整体按 {first} 读取，但第 {line} 行是 {other}。请用同一种编码保存整个文件后重新导入。</translation>
    </message>
    <message>
        <source>{name} cannot be read as {encoding}. Choose another encoding.</source>
        <translation>{name} 无法按 {encoding} 读取。请选择其他编码。</translation>
    </message>
    <message>
        <source>{name} cannot be read as {encoding} (line {line}). Choose another encoding.</source>
        <translation>无法按 {encoding} 读取 {name}（第 {line} 行）。请选择其他编码。</translation>
    </message>
    <message>
        <source>{name} cannot be read as CSV (line {line}: {detail}).</source>
        <translation>无法按 CSV 读取 {name}（第 {line} 行：{detail}）。</translation>
    </message>
    <message>
        <source>{name} is too large to be one roster (line {line}): at most {rows} rows of up to {columns} columns, {cells} cells in all. Split it and import the parts.</source>
        <translation>{name} 太大，不能作为一份名单导入（第 {line} 行）：最多 {rows} 行、每行最多 {columns} 列、共 {cells} 个单元格。请拆分后分别导入。</translation>
    </message>
    <message>
        <source>Line {line} of {name} is empty or missing; choose another header.</source>
        <translation>{name} 的第 {line} 行为空或不存在；请另选表头行。</translation>
    </message>
    <message>
        <source>{name} has a header row but no members under it; nothing to import.</source>
        <translation>{name} 只有表头，没有成员，无可导入。</translation>
    </message>
    <message>
        <source>Choose the column of the QQ number, the WeChat id, the phone, or the Telegram or Discord user id: members are matched on them, and without one every import would add everyone again.</source>
        <translation>请选择 QQ 号、微信号、手机号，或 Telegram / Discord 用户 ID 所在的列：成员按这些匹配；没有它们，每次导入都会把所有人再添加一遍。</translation>
    </message>
    <message>
        <source>The file has invalid rows ({count}); nothing was written. Correct them, or choose to import only the valid rows.</source>
        <translation>文件中有无效行（{count} 行），未写入任何内容。请更正，或选择只导入有效行。</translation>
    </message>
    <message>
        <source>The row matches two members: {first} (#{first_id}) by {first_what} and {second} (#{second_id}) by {second_what}. Merge them first, or correct the row.</source>
        <translation>此行同时匹配两名成员：按{first_what}匹配 {first}（#{first_id}），按{second_what}匹配 {second}（#{second_id}）。请先合并他们，或更正此行。</translation>
    </message>
    <message>
        <source>Nothing to match on: the row has no QQ number, WeChat id, phone, Telegram or Discord user id, so it would be added again on every import.</source>
        <translation>没有可匹配的信息：这一行没有 QQ 号、微信号、手机号、Telegram 或 Discord 用户 ID，每次导入都会被再添加一遍。</translation>
    </message>
    <message>
        <source>A new member needs a name; this row has none.</source>
        <translation>新成员需要名称，此行没有。</translation>
    </message>
    <message>
        <source>This row and line {other} both match {name} (#{id}).</source>
        <translation>此行与第 {other} 行都匹配 {name}（#{id}）。</translation>
    </message>
    <message>
        <source>name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>group nickname</source>
        <translation>群名片</translation>
    </message>
    <message>
        <source>email</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <source>city</source>
        <translation>城市</translation>
    </message>
    <message>
        <source>gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>role</source>
        <translation>群身份</translation>
    </message>
    <message>
        <source>joined</source>
        <translation>入群时间</translation>
    </message>
    <message>
        <source>last spoke</source>
        <translation>最后发言</translation>
    </message>
    <message>
        <source>tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>QQ group export</source>
        <translation>QQ 群成员导出</translation>
    </message>
    <message>
        <source>WeChat group tool</source>
        <translation>微信群工具导出</translation>
    </message>
    <message>
        <source>Plain sheet</source>
        <translation>普通表格</translation>
    </message>
    <message>
        <source>The row has {cells} cells but the header only {columns}; the extra cells would be lost.</source>
        <translation>此行有 {cells} 个单元格，但表头只有 {columns} 列；多出的单元格会丢失。</translation>
    </message>
    <message>
        <source>The line mixes text encodings: “{cell}” is UTF-8 but the rest is GB18030, so its names would come out garbled. Save the file in one encoding.</source>
        <translation>此行混用了文本编码：“{cell}”是 UTF-8，其余是 GB18030，导入后姓名会变成乱码。请把文件统一存为一种编码。</translation>
    </message>
    <message>
        <source>A display name can have at most 100 characters; left empty.</source>
        <translation>显示名最多 100 个字符；此格留空。</translation>
    </message>
    <message>
        <source>A group nickname can have at most 100 characters; left empty.</source>
        <translation>群名片最多 100 个字符；此格留空。</translation>
    </message>
    <message>
        <source>Unknown role “{value}” (use 群主, 管理员, owner, admin or member); left empty.</source>
        <translation>未知群身份“{value}”（请用 群主、管理员、owner、admin 或 member）；此格留空。</translation>
    </message>
    <message>
        <source>“{value}” is not an email address; left empty.</source>
        <translation>“{value}”不是邮箱地址；此格留空。</translation>
    </message>
    <message>
        <source>Unknown gender “{value}” (use 男, 女, male or female); left empty.</source>
        <translation>未知性别“{value}”（请用 男、女、male 或 female）；此格留空。</translation>
    </message>
    <message>
        <source>“{value}” is not a date; left empty.</source>
        <translation>“{value}”不是日期；此格留空。</translation>
    </message>
    <message>
        <source>The tag “{value}” has more than 40 characters; left out.</source>
        <translation>标签“{value}”超过 40 个字符；不导入此标签。</translation>
    </message>
    <message>
        <source>The {what} {value} is also on line {other}.</source>
        <translation>{what} {value} 也出现在第 {other} 行。</translation>
    </message>
    <message>
        <source>{name} is not a real XLSX workbook (it is not a zip archive). Open it in Excel or WPS and save it again as .xlsx or CSV.</source>
        <translation>{name} 不是真正的 XLSX 工作簿（不是 zip 压缩包）。请用 Excel 或 WPS 打开后重新另存为 .xlsx 或 CSV。</translation>
    </message>
    <message>
        <source>{name} would expand to {size} MB when opened; workbooks over {limit} MB are refused.</source>
        <translation>{name} 打开后会膨胀到 {size} MB；超过 {limit} MB 的工作簿不予导入。</translation>
    </message>
    <message>
        <source>{name} holds {size} MB of text; workbooks with over {limit} MB are refused.</source>
        <translation>{name} 含 {size} MB 文字；超过 {limit} MB 的工作簿不予导入。</translation>
    </message>
    <message>
        <source>{name} is compressed suspiciously tightly ({ratio}:1) and is refused: it could be a zip bomb.</source>
        <translation>{name} 的压缩比异常高（{ratio}:1），可能是压缩炸弹，不予导入。</translation>
    </message>
    <message>
        <source>{name} is a zip archive but not an Excel workbook; export it as CSV.</source>
        <translation>{name} 是 zip 压缩包，但不是 Excel 工作簿；请导出为 CSV。</translation>
    </message>
    <message>
        <source>{name} has no worksheet.</source>
        <translation>{name} 中没有工作表。</translation>
    </message>
    <message>
        <source>{name} cannot be read as an Excel workbook ({detail}).</source>
        <translation>无法按 Excel 工作簿读取 {name}（{detail}）。</translation>
    </message>
    <message>
        <source>{name} repeats its text into {size} MB of cells when opened; workbooks over {limit} MB are refused.</source>
        <translation>{name} 打开后会把重复的文字写满 {size} MB 的单元格；超过 {limit} MB 的工作簿不予导入。</translation>
    </message>
    <message>
        <source>{name} reaches row {row}; a roster holds at most {limit} rows. Delete the cells below the list (or split it) and import it again.</source>
        <translation>{name} 用到了第 {row} 行；名单最多 {limit} 行。请删除名单下方的单元格（或拆分文件）后再导入。</translation>
    </message>
    <message>
        <source>{name} has a cell in column {column} (row {row}); a roster has at most {limit} columns. Delete the cells right of the list and import it again.</source>
        <translation>{name} 在第 {column} 列（第 {row} 行）有单元格；名单最多 {limit} 列。请删除名单右侧的单元格后再导入。</translation>
    </message>
    <message>
        <source>{path} cannot be written as a PDF.</source>
        <translation>无法将 {path} 写为 PDF。</translation>
    </message>
    <message>
        <source>No database is open to back up.</source>
        <translation>没有打开的数据库可备份。</translation>
    </message>
    <message>
        <source>Backups cannot be written in {path} ({detail}).</source>
        <translation>无法在 {path} 中写入备份（{detail}）。</translation>
    </message>
    <message>
        <source>The backups in {path} cannot be read ({detail}).</source>
        <translation>无法读取 {path} 中的备份（{detail}）。</translation>
    </message>
    <message>
        <source>The backup {path} could not be written ({detail}); nothing was changed.</source>
        <translation>无法写入备份 {path}（{detail}），未做任何更改。</translation>
    </message>
    <message>
        <source>The backup {path} failed its check ({detail}) and was deleted; nothing was changed.</source>
        <translation>备份 {path} 未通过检查（{detail}），已删除；未做任何更改。</translation>
    </message>
    <message>
        <source>{path} already exists; choose another name.</source>
        <translation>{path} 已存在，请换一个名字。</translation>
    </message>
    <message>
        <source>The old backup {path} cannot be deleted ({detail}).</source>
        <translation>无法删除旧备份 {path}（{detail}）。</translation>
    </message>
    <message>
        <source>{path} is not a file; nothing was restored.</source>
        <translation>{path} 不是文件，未恢复任何内容。</translation>
    </message>
    <message>
        <source>The backup {path} is damaged ({detail}); nothing was restored.</source>
        <translation>备份 {path} 已损坏（{detail}），未恢复任何内容。</translation>
    </message>
    <message>
        <source>{path} cannot be read ({detail}); nothing was restored.</source>
        <translation>无法读取 {path}（{detail}），未恢复任何内容。</translation>
    </message>
    <message>
        <source>{path} is not a Huoqun backup; nothing was restored.</source>
        <translation>{path} 不是活群的备份，未恢复任何内容。</translation>
    </message>
    <message>
        <source>{path} is the open database itself; choose one of its backups.</source>
        <translation>{path} 就是当前打开的数据库，请选择它的某个备份。</translation>
    </message>
    <message>
        <source>Restoring {path} failed ({detail}); the data is as it was before.</source>
        <translation>恢复 {path} 失败（{detail}），数据保持原样。</translation>
    </message>
    <message>
        <source>number of meetups attended</source>
        <translation>参加线下活动次数</translation>
    </message>
    <message>
        <source>days as a member</source>
        <translation>入群天数</translation>
    </message>
    <message>
        <source>days without a strike</source>
        <translation>无违规天数</translation>
    </message>
    <message>
        <source>The {what} must be a whole number from {low} to {high}.</source>
        <translation>{what}须为 {low} 到 {high} 之间的整数。</translation>
    </message>
    <message>
        <source>demotion margin</source>
        <translation>降级宽限倍数</translation>
    </message>
    <message>
        <source>tier change margin</source>
        <translation>层级变动间隔</translation>
    </message>
    <message>
        <source>{name} cannot move up to that tier.</source>
        <translation>{name} 不能升到那个层级。</translation>
    </message>
    <message>
        <source>{name} cannot move down to that tier.</source>
        <translation>{name} 不能降到那个层级。</translation>
    </message>
    <message>
        <source>{name} is already in “{tier}”, at or above the helpers.</source>
        <translation>{name} 已在“{tier}”，处于骨干层级或更高。</translation>
    </message>
    <message>
        <source>{name} is not in the helper tier “{tier}”.</source>
        <translation>{name} 不在骨干层级“{tier}”中。</translation>
    </message>
    <message>
        <source>A note can have at most {max} characters.</source>
        <translation>备注最多 {max} 个字符。</translation>
    </message>
    <message>
        <source>Unknown kind of recognition “{value}”; use one of: {choices}.</source>
        <translation>未知表彰方式“{value}”；可选：{choices}。</translation>
    </message>
    <message>
        <source>A tier needs a name.</source>
        <translation>层级需要一个名称。</translation>
    </message>
    <message>
        <source>A tier name can have at most {max} characters.</source>
        <translation>层级名称最多 {max} 个字符。</translation>
    </message>
    <message>
        <source>There is already a tier called “{name}”.</source>
        <translation>已有名为“{name}”的层级。</translation>
    </message>
    <message>
        <source>A tier description can have at most {max} characters.</source>
        <translation>层级说明最多 {max} 个字符。</translation>
    </message>
    <message>
        <source>“{value}” is not a colour; write it as #rrggbb, e.g. #d68910.</source>
        <translation>“{value}”不是颜色；请写成 #rrggbb，例如 #d68910。</translation>
    </message>
    <message>
        <source>The check-in cadence must be a whole number of days from 1 to {max}, or none.</source>
        <translation>联系周期须为 1 到 {max} 之间的整数天，或不设。</translation>
    </message>
    <message>
        <source>There must always be at least three tiers: the operator, helpers and everyone else. Add another tier before removing “{name}”.</source>
        <translation>至少要有三个层级：运营者、骨干和其他成员。请先添加一个层级，再删除“{name}”。</translation>
    </message>
    <message>
        <source>“{name}” still has members ({count}). Choose the tier they move to before removing it.</source>
        <translation>“{name}”中还有成员（{count} 名）。删除前请选择他们要移到的层级。</translation>
    </message>
    <message>
        <source>Members cannot move into the tier that is being removed.</source>
        <translation>成员不能移入正在删除的层级。</translation>
    </message>
    <message>
        <source>Rule #{id} no longer exists.</source>
        <translation>规则 #{id} 已不存在。</translation>
    </message>
    <message>
        <source>A rule needs a title.</source>
        <translation>规则需要一个标题。</translation>
    </message>
    <message>
        <source>A rule title can have at most {max} characters.</source>
        <translation>规则标题最多 {max} 个字符。</translation>
    </message>
    <message>
        <source>A rule&apos;s text can have at most {max} characters.</source>
        <translation>规则正文最多 {max} 个字符。</translation>
    </message>
    <message>
        <source>Unknown severity “{value}”; use one of: {choices}.</source>
        <translation>未知严重程度“{value}”；可选：{choices}。</translation>
    </message>
    <message>
        <source>strike points</source>
        <translation>违规分</translation>
    </message>
    <message>
        <source>There is already a rule called “{title}”.</source>
        <translation>已有名为“{title}”的规则。</translation>
    </message>
    <message>
        <source>The rule “{title}” is retired; restore it first.</source>
        <translation>规则“{title}”已停用，请先恢复。</translation>
    </message>
    <message>
        <source>This group has not adopted that rule.</source>
        <translation>本群没有采用这条规则。</translation>
    </message>
    <message>
        <source>The strike ladder needs 1 to {max} steps.</source>
        <translation>处罚阶梯需要 1 到 {max} 级。</translation>
    </message>
    <message>
        <source>number of strikes of a ladder step</source>
        <translation>阶梯的违规次数</translation>
    </message>
    <message>
        <source>Each step of the ladder needs more strikes than the step before it.</source>
        <translation>阶梯的每一级都要比上一级的违规次数多。</translation>
    </message>
    <message>
        <source>Unknown action “{value}”; use one of: {choices}.</source>
        <translation>未知处理方式“{value}”；可选：{choices}。</translation>
    </message>
    <message>
        <source>strike expiry in days</source>
        <translation>违规有效天数</translation>
    </message>
    <message>
        <source>Choose the member who broke the rule.</source>
        <translation>请选择违规的成员。</translation>
    </message>
    <message>
        <source>The evidence can have at most {max} characters.</source>
        <translation>证据最多 {max} 个字符。</translation>
    </message>
    <message>
        <source>The rule “{title}” is retired; choose a rule in use.</source>
        <translation>规则“{title}”已停用，请选择正在使用的规则。</translation>
    </message>
    <message>
        <source>A violation cannot be dated after today.</source>
        <translation>违规日期不能晚于今天。</translation>
    </message>
    <message>
        <source>That violation no longer exists.</source>
        <translation>该违规记录已不存在。</translation>
    </message>
    <message>
        <source>Meetup #{id} no longer exists.</source>
        <translation>线下活动 #{id} 已不存在。</translation>
    </message>
    <message>
        <source>“{rsvp}” is not an RSVP: use {choices}.</source>
        <translation>“{rsvp}”不是报名状态：可选 {choices}。</translation>
    </message>
    <message>
        <source>Attendance can be marked only after the meetup has started.</source>
        <translation>活动开始后才能登记出席。</translation>
    </message>
    <message>
        <source>A checklist item has at most {limit} characters.</source>
        <translation>清单项最多 {limit} 个字符。</translation>
    </message>
    <message>
        <source>Task #{id} no longer exists.</source>
        <translation>任务 #{id} 已不存在。</translation>
    </message>
    <message>
        <source>A task needs a title of 1 to {max} characters.</source>
        <translation>任务标题须为 1 到 {max} 个字符。</translation>
    </message>
    <message>
        <source>“{kind}” is not a kind of task.</source>
        <translation>“{kind}”不是任务类型。</translation>
    </message>
    <message>
        <source>A task&apos;s due time is not a time.</source>
        <translation>任务的到期时间不是一个时间。</translation>
    </message>
    <message>
        <source>A task&apos;s priority is 1 (high), 2 or 3 (low).</source>
        <translation>任务优先级为 1（高）、2 或 3（低）。</translation>
    </message>
    <message>
        <source>“{title}” is already closed.</source>
        <translation>“{title}”已经关闭。</translation>
    </message>
    <message>
        <source>A task can only be snoozed until later.</source>
        <translation>任务只能推迟到以后。</translation>
    </message>
    <message>
        <source>“{title}” is not due until {due}: snooze it until after that.</source>
        <translation>“{title}”要到 {due} 才到期：请推迟到那之后。</translation>
    </message>
    <message>
        <source>“{kind}” is not a kind of interaction.</source>
        <translation>“{kind}”不是互动类型。</translation>
    </message>
    <message>
        <source>An interaction needs a group or a member.</source>
        <translation>互动需要关联一个群或一名成员。</translation>
    </message>
    <message>
        <source>An interaction cannot be in the future.</source>
        <translation>互动时间不能在将来。</translation>
    </message>
    <message>
        <source>“{rule}” is not a repeat rule Huoqun understands.</source>
        <translation>“{rule}”不是活群能理解的重复规则。</translation>
    </message>
    <message>
        <source>A task can repeat at most once an hour.</source>
        <translation>任务最多每小时重复一次。</translation>
    </message>
    <message>
        <source>A repeating task cannot stop after a count; give an end date (UNTIL).</source>
        <translation>重复任务不能按次数结束；请给出结束日期（UNTIL）。</translation>
    </message>
    <message>
        <source>“{preset}” is not a repeat preset.</source>
        <translation>“{preset}”不是预设的重复方式。</translation>
    </message>
    <message>
        <source>A day of the month is from 1 to 31.</source>
        <translation>每月的日期须在 1 到 31 之间。</translation>
    </message>
    <message>
        <source>A weekday is from Monday to Sunday.</source>
        <translation>星期须在周一到周日之间。</translation>
    </message>
    <message>
        <source>The share of silent members must be from {low} to {high}.</source>
        <translation>沉默成员比例须在 {low} 到 {high} 之间。</translation>
    </message>
    <message>
        <source>“{name}” must be a number from {low} to {high}.</source>
        <translation>“{name}”必须是 {low} 到 {high} 之间的数。</translation>
    </message>
    <message>
        <source>“{name}” must be a whole number from {low} to {high}.</source>
        <translation>“{name}”须为 {low} 到 {high} 之间的整数。</translation>
    </message>
    <message>
        <source>A collapsing trend must be at most the falling trend ({falling}).</source>
        <translation>骤降的趋势值不能大于下滑的趋势值（{falling}）。</translation>
    </message>
    <message>
        <source>An occasional presence needs at most a regular one&apos;s days ({days}).</source>
        <translation>“偶尔发言”所需天数不能多于“常发言”（{days} 天）。</translation>
    </message>
    <message>
        <source>An ad word has at most {limit} characters.</source>
        <translation>一个广告词最多 {limit} 个字符。</translation>
    </message>
    <message>
        <source>No member matches “{text}”: type part of a name and pick one.</source>
        <translation>没有成员匹配“{text}”：请输入名字的一部分，再从列表中选择。</translation>
    </message>
    <message>
        <source>Several members match “{text}”: pick one from the list.</source>
        <translation>有多名成员匹配“{text}”：请从列表中选择一位。</translation>
    </message>
    <message>
        <source>Unknown chat export format “{format}”; use one of {known}.</source>
        <translation>未知的聊天记录格式“{format}”；可用的格式：{known}。</translation>
    </message>
    <message>
        <source>{name} holds no group chats (private chats are not imported).</source>
        <translation>{name} 中没有群聊（私聊不会导入）。</translation>
    </message>
    <message>
        <source>No chat history file was chosen.</source>
        <translation>没有选择聊天记录文件。</translation>
    </message>
    <message>
        <source>{name} is not a chat history export Huoqun can read (Telegram, Discord, QQ, WeChat or ChatLab).</source>
        <translation>{name} 不是活群能读取的聊天记录导出文件（Telegram、Discord、QQ、微信或 ChatLab）。</translation>
    </message>
    <message>
        <source>{name} only names the members; choose the exported CSV files with it.</source>
        <translation>{name} 只列出了成员名字；请连同导出的 CSV 文件一起选择。</translation>
    </message>
    <message>
        <source>{first} and {other} are from different exports; import one export at a time.</source>
        <translation>{first} 和 {other} 来自不同的导出；请一次只导入一份导出。</translation>
    </message>
    <message>
        <source>{name} lists the part {part}, which is missing; keep the export&apos;s folder as it was written.</source>
        <translation>{name} 列出的分块 {part} 不存在；请保持导出文件夹原样。</translation>
    </message>
    <message>
        <source>size of today&apos;s plan</source>
        <translation>今日计划的条数</translation>
    </message>
    <message>
        <source>The working hour “{value}” is no time of day like 20:00.</source>
        <translation>工作时间“{value}”不是 20:00 这样的时刻。</translation>
    </message>
    <message>
        <source>This suggestion is no longer open; look at the list again.</source>
        <translation>这条建议已不再有效，请重新查看列表。</translation>
    </message>
    <message>
        <source>There is nothing to undo.</source>
        <translation>没有可撤销的操作。</translation>
    </message>
    <message>
        <source>There is nothing to redo.</source>
        <translation>没有可重做的操作。</translation>
    </message>
    <message>
        <source>This change can no longer be undone: the records it changed were changed since. Nothing was changed.</source>
        <translation>这项更改已无法撤销：它改动的记录之后又被改过。什么都没有改变。</translation>
    </message>
    <message>
        <source>days spoken of the last 30</source>
        <translation>最近 30 天的发言天数</translation>
    </message>
    <message>
        <source>days silent in the chat</source>
        <translation>群聊中沉默的天数</translation>
    </message>
    <message>
        <source>Tick at least one member.</source>
        <translation>请至少勾选一位成员。</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>CSV for Excel and WPS (UTF-8)</source>
        <translation>CSV，适用于 Excel 和 WPS（UTF-8）</translation>
    </message>
    <message>
        <source>CSV for older Excel (GB18030)</source>
        <translation>CSV，适用于旧版 Excel（GB18030）</translation>
    </message>
    <message>
        <source>Excel workbook (XLSX)</source>
        <translation>Excel 工作簿（XLSX）</translation>
    </message>
    <message>
        <source>Printable roster (PDF)</source>
        <translation>可打印的名单（PDF）</translation>
    </message>
    <message>
        <source>Export a roster</source>
        <translation>导出名单</translation>
    </message>
    <message numerus="yes">
        <source>The %Ln member(s) shown</source>
        <translation>
            <numerusform>当前显示的 %Ln 名成员</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The %Ln selected member(s)</source>
        <translation>
            <numerusform>选中的 %Ln 名成员</numerusform>
        </translation>
    </message>
    <message>
        <source>Full phone numbers</source>
        <translation>完整手机号</translation>
    </message>
    <message>
        <source>Unticked, phones read 138****1234: enough to recognise, not to misuse</source>
        <translation>不勾选时手机号显示为 138****1234：足以辨认，又不易被滥用</translation>
    </message>
    <message>
        <source>Members:</source>
        <translation>成员：</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>格式：</translation>
    </message>
    <message>
        <source>Header language:</source>
        <translation>表头语言：</translation>
    </message>
    <message>
        <source>Columns:</source>
        <translation>列：</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Choose at least one column.</source>
        <translation>请至少选择一列。</translation>
    </message>
    <message numerus="yes">
        <source>Exporting %n member(s)…</source>
        <translation>
            <numerusform>正在导出 %n 名成员…</numerusform>
        </translation>
    </message>
    <message>
        <source>The file could not be written: {error}</source>
        <translation>无法写入文件：{error}</translation>
    </message>
</context>
<context>
    <name>FilePage</name>
    <message>
        <source>The file and the group</source>
        <translation>文件与群组</translation>
    </message>
    <message>
        <source>A QQ group export, a WeChat group tool sheet or any CSV, TSV or XLSX list of members. Nothing is written before you have seen what the import would do.</source>
        <translation>QQ 群成员导出、微信群工具表格，或任何 CSV、TSV、XLSX 成员名单。在你看到导入结果预览之前，不会写入任何内容。</translation>
    </message>
    <message>
        <source>Choose a file…</source>
        <translation>选择文件…</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Choose a group…</source>
        <translation>选择群组…</translation>
    </message>
    <message>
        <source>New group…</source>
        <translation>新建群组…</translation>
    </message>
    <message>
        <source>The new group&apos;s name</source>
        <translation>新群的名称</translation>
    </message>
    <message>
        <source>From the kind of file</source>
        <translation>按文件类型</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>文件：</translation>
    </message>
    <message>
        <source>Into the group:</source>
        <translation>导入到群组：</translation>
    </message>
    <message>
        <source>New group&apos;s name:</source>
        <translation>新群名称：</translation>
    </message>
    <message>
        <source>Platform of a new group:</source>
        <translation>新群的平台：</translation>
    </message>
    <message>
        <source>There is already a group called “{name}”: choose it in the list, or give the new group another name.</source>
        <translation>已有名为“{name}”的群组：请在列表中选择它，或给新群另起一个名字。</translation>
    </message>
    <message>
        <source>A new group “{name}” will be created.</source>
        <translation>将新建群组“{name}”。</translation>
    </message>
</context>
<context>
    <name>FilesPage</name>
    <message>
        <source>The chat export</source>
        <translation>聊天记录导出文件</translation>
    </message>
    <message>
        <source>Choose the file(s) a chat app or its export tool wrote. Several files of one export go together. Nothing is written before you have seen the preview.</source>
        <translation>选择聊天软件或其导出工具生成的文件。同一次导出的多个文件可一起选择。在您看过预览之前，不会写入任何内容。</translation>
    </message>
    <message>
        <source>Add files…</source>
        <translation>添加文件…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Read: Telegram Desktop (JSON, one chat or the whole account), DiscordChatExporter (JSON, CSV), the QQ message manager (TXT), QQ Chat Exporter (JSON, chunked), MemoTrace / WeChatMsg (CSV), PyWxDump (CSV with users.json), WeFlow / EchoTrace (JSON) and ChatLab (JSON, JSONL).</source>
        <translation>可读取：Telegram 桌面版（JSON，单个聊天或整个账号）、DiscordChatExporter（JSON、CSV）、QQ 消息管理器（TXT）、QQ Chat Exporter（JSON、分块）、留痕 MemoTrace / WeChatMsg（CSV）、PyWxDump（CSV 及 users.json）、WeFlow / EchoTrace（JSON）和 ChatLab（JSON、JSONL）。</translation>
    </message>
</context>
<context>
    <name>Generated</name>
    <message>
        <source>Remove {member} from {group}</source>
        <translation>将 {member} 移出 {group}</translation>
    </message>
    <message>
        <source>Prepare the meetup “{title}”</source>
        <translation>筹备线下活动“{title}”</translation>
    </message>
    <message>
        <source>Core</source>
        <translation>核心</translation>
    </message>
    <message>
        <source>Your inner circle</source>
        <translation>最核心的伙伴</translation>
    </message>
    <message>
        <source>Helpers</source>
        <translation>管理/骨干</translation>
    </message>
    <message>
        <source>Admins, moderators, core members</source>
        <translation>管理员、版主、骨干</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>活跃</translation>
    </message>
    <message>
        <source>Members who take part</source>
        <translation>经常参与的成员</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>普通</translation>
    </message>
    <message>
        <source>Everyone else</source>
        <translation>其他成员</translation>
    </message>
    <message>
        <source>Removed from the group</source>
        <translation>已移出该群</translation>
    </message>
    <message>
        <source>Welcome the newcomers of {group}: {names}</source>
        <translation>欢迎{group}的新人：{names}</translation>
    </message>
    <message>
        <source>Welcome the {count} newcomers of {group}: {names} …</source>
        <translation>欢迎{group}的 {count} 位新人：{names} …</translation>
    </message>
    <message>
        <source>Reach out to {member} ({group})</source>
        <translation>联系 {member}（{group}）</translation>
    </message>
</context>
<context>
    <name>GroupDialog</name>
    <message>
        <source>New group</source>
        <translation>新建群组</translation>
    </message>
    <message>
        <source>e.g. Weekend hiking club</source>
        <translation>例如：周末徒步群</translation>
    </message>
    <message>
        <source>The group&apos;s number or id in the app</source>
        <translation>群在聊天软件里的群号或 ID</translation>
    </message>
    <message>
        <source>No cap</source>
        <translation>无上限</translation>
    </message>
    <message numerus="yes">
        <source>Default (every %n day(s))</source>
        <translation>
            <numerusform>默认（每 %n 天）</numerusform>
        </translation>
    </message>
    <message>
        <source>How many days may pass between interactions before the group needs one.</source>
        <translation>两次互动之间最多可间隔多少天，超过就该安排互动了。</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Platform:</source>
        <translation>平台(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>类型(&amp;K)：</translation>
    </message>
    <message>
        <source>P&amp;arent group:</source>
        <translation>上级群(&amp;A)：</translation>
    </message>
    <message>
        <source>Group &amp;number:</source>
        <translation>群号(&amp;U)：</translation>
    </message>
    <message>
        <source>Member &amp;cap:</source>
        <translation>人数上限(&amp;C)：</translation>
    </message>
    <message>
        <source>Interaction ca&amp;dence (days):</source>
        <translation>互动周期（天）(&amp;D)：</translation>
    </message>
    <message>
        <source>Create group</source>
        <translation>创建群组</translation>
    </message>
</context>
<context>
    <name>GroupMemberTableModel</name>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Group nickname</source>
        <translation>群名片</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>群身份</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>层级</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Last spoke</source>
        <translation>最后发言</translation>
    </message>
    <message>
        <source>Joined</source>
        <translation>入群</translation>
    </message>
    <message>
        <source>QQ</source>
        <translation>QQ</translation>
    </message>
    <message>
        <source>WeChat id</source>
        <translation>微信号</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>手机号</translation>
    </message>
    <message>
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Last contacted</source>
        <translation>最近联系</translation>
    </message>
</context>
<context>
    <name>GroupMembersTab</name>
    <message>
        <source>Find a member: name, pinyin, QQ, WeChat id</source>
        <translation>查找成员：姓名、拼音、QQ、微信号</translation>
    </message>
    <message>
        <source>Show those who left</source>
        <translation>显示已退群的人</translation>
    </message>
    <message>
        <source>Also list who left this group or was removed, and when</source>
        <translation>同时列出已退出或被移出本群的人，以及时间</translation>
    </message>
    <message>
        <source>Double-click a member or press Enter to open their page.</source>
        <translation>双击成员或按回车打开其资料页。</translation>
    </message>
    <message>
        <source>Import a roster…</source>
        <translation>导入名单…</translation>
    </message>
    <message>
        <source>Bring in this group&apos;s member list from a QQ or WeChat export or a sheet</source>
        <translation>从 QQ、微信导出文件或表格导入本群的成员名单</translation>
    </message>
    <message numerus="yes">
        <source>Members (%n)</source>
        <translation>
            <numerusform>成员（%n）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{shown} of %n member(s) match</source>
        <translation>
            <numerusform>%n 名成员中有 {shown} 名匹配</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n member(s), cap {cap}</source>
        <translation>
            <numerusform>%n 名成员，上限 {cap}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln member(s)</source>
        <translation>
            <numerusform>%Ln 名成员</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> · %n who left or were removed</source>
        <translation>
            <numerusform> · %n 人已退群或被移出</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>GroupPage</name>
    <message>
        <source>Archived</source>
        <translation>已归档</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>资料</translation>
    </message>
    <message>
        <source>Unarchive</source>
        <translation>取消归档</translation>
    </message>
    <message>
        <source>Archive…</source>
        <translation>归档…</translation>
    </message>
    <message>
        <source>Bring the group back into the daily lists.</source>
        <translation>让该群重新出现在日常列表中。</translation>
    </message>
    <message>
        <source>Hide the group from the daily lists; everything about it is kept.</source>
        <translation>从日常列表中隐藏该群；所有相关数据都会保留。</translation>
    </message>
    <message>
        <source>No. {number}</source>
        <translation>群号 {number}</translation>
    </message>
    <message>
        <source>no interaction logged yet</source>
        <translation>尚无互动记录</translation>
    </message>
    <message>
        <source>last interaction {date}</source>
        <translation>最近互动 {date}</translation>
    </message>
    <message>
        <source>↑ Part of {name}</source>
        <translation>↑ 隶属于 {name}</translation>
    </message>
    <message>
        <source>Archive group</source>
        <translation>归档群组</translation>
    </message>
    <message>
        <source>Archive “{name}”? It leaves the daily lists; its members, history and rules are kept, and you can unarchive it at any time.</source>
        <translation>归档“{name}”？它将离开日常列表；成员、历史和群规都会保留，随时可以取消归档。</translation>
    </message>
</context>
<context>
    <name>GroupProfileTab</name>
    <message>
        <source>What the group is about and who it is for</source>
        <translation>群的主题与面向的人群</translation>
    </message>
    <message>
        <source>The pinned announcement</source>
        <translation>置顶的群公告</translation>
    </message>
    <message>
        <source>No cap</source>
        <translation>无上限</translation>
    </message>
    <message numerus="yes">
        <source>Default (every %n day(s))</source>
        <translation>
            <numerusform>默认（每 %n 天）</numerusform>
        </translation>
    </message>
    <message>
        <source>How many days may pass between interactions before the group needs one.</source>
        <translation>两次互动之间最多可间隔多少天，超过就该安排互动了。</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Platform:</source>
        <translation>平台(&amp;P)：</translation>
    </message>
    <message>
        <source>Group &amp;number:</source>
        <translation>群号(&amp;U)：</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>类型(&amp;K)：</translation>
    </message>
    <message>
        <source>P&amp;arent group:</source>
        <translation>上级群(&amp;A)：</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>群介绍(&amp;D)：</translation>
    </message>
    <message>
        <source>Announce&amp;ment:</source>
        <translation>群公告(&amp;M)：</translation>
    </message>
    <message>
        <source>Member &amp;cap:</source>
        <translation>人数上限(&amp;C)：</translation>
    </message>
    <message>
        <source>Interaction ca&amp;dence (days):</source>
        <translation>互动周期（天）(&amp;D)：</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <source>Revert</source>
        <translation>还原</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Save the profile (Ctrl+S)</source>
        <translation>保存资料（Ctrl+S）</translation>
    </message>
</context>
<context>
    <name>GroupRulesPage</name>
    <message>
        <source>There is no group yet. Create one in Groups first.</source>
        <translation>还没有群组。请先在“群组”中创建。</translation>
    </message>
    <message>
        <source>Rules of:</source>
        <translation>群规所属：</translation>
    </message>
</context>
<context>
    <name>GroupRulesTab</name>
    <message>
        <source>Log violation…</source>
        <translation>记录违规…</translation>
    </message>
    <message>
        <source>Record a rule broken in this group</source>
        <translation>记录本群的一次违规</translation>
    </message>
    <message numerus="yes">
        <source>Rules (%n)</source>
        <translation>
            <numerusform>群规（%n）</numerusform>
        </translation>
    </message>
    <message>
        <source>Banned but still in this group: {names}. Remove them in the chat app.</source>
        <translation>已封禁但仍在本群：{names}。请在聊天软件里移出。</translation>
    </message>
    <message numerus="yes">
        <source>%n open violation(s)</source>
        <translation>
            <numerusform>%n 条未处理违规</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>GroupRulesView</name>
    <message>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>严重程度</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>违规分</translation>
    </message>
    <message>
        <source>This group has adopted no rule yet. Use “Adopt…” to pick from the library.</source>
        <translation>本群还没有采用任何规则。用“采用…”从规则库中挑选。</translation>
    </message>
    <message>
        <source>Adopt…</source>
        <translation>采用…</translation>
    </message>
    <message>
        <source>Add rules from the library to this group</source>
        <translation>从规则库为本群添加规则</translation>
    </message>
    <message>
        <source>Drop</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>This group no longer follows the rule</source>
        <translation>本群不再遵守这条规则</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>上移</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>下移</translation>
    </message>
    <message>
        <source>The announcement appears here.</source>
        <translation>群公告文字显示在这里。</translation>
    </message>
    <message>
        <source>Copy to clipboard</source>
        <translation>复制到剪贴板</translation>
    </message>
    <message>
        <source>Copy the text, then paste it into the chat app</source>
        <translation>复制文字，再粘贴到聊天软件里</translation>
    </message>
    <message>
        <source>Copied.</source>
        <translation>已复制。</translation>
    </message>
    <message>
        <source>As announcement text:</source>
        <translation>群公告文字：</translation>
    </message>
</context>
<context>
    <name>GroupTableModel</name>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>成员数</translation>
    </message>
    <message>
        <source>Parent</source>
        <translation>上级群</translation>
    </message>
    <message>
        <source>Last interaction</source>
        <translation>最近互动</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>得分</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>never</source>
        <translation>从未</translation>
    </message>
    <message>
        <source>today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>yesterday</source>
        <translation>昨天</translation>
    </message>
    <message numerus="yes">
        <source>%n days ago</source>
        <translation>
            <numerusform>%n 天前</numerusform>
        </translation>
    </message>
    <message>
        <source>{name} (archived)</source>
        <translation>{name}（已归档）</translation>
    </message>
    <message>
        <source>Messages (30 days)</source>
        <translation>消息（30 天）</translation>
    </message>
    <message>
        <source>Speaking share</source>
        <translation>发言比例</translation>
    </message>
    <message>
        <source>Trend</source>
        <translation>趋势</translation>
    </message>
    <message>
        <source>Any chat</source>
        <translation>聊天：全部</translation>
    </message>
    <message>
        <source>With chat history</source>
        <translation>有聊天记录</translation>
    </message>
    <message>
        <source>Falling ▼</source>
        <translation>下降 ▼</translation>
    </message>
    <message>
        <source>Rising ▲</source>
        <translation>上升 ▲</translation>
    </message>
    <message>
        <source>No chat history</source>
        <translation>无聊天记录</translation>
    </message>
    <message>
        <source>No chat history yet</source>
        <translation>还没有聊天记录</translation>
    </message>
    <message>
        <source>{count} of them yours</source>
        <translation>其中 {count} 条是你发的</translation>
    </message>
    <message>
        <source>{speakers} of {members} members spoke in the last 30 days</source>
        <translation>近 30 天 {members} 名成员中有 {speakers} 人发言</translation>
    </message>
    <message>
        <source>last 4 weeks {recent}/week vs {earlier}/week before</source>
        <translation>近 4 周每周 {recent} 条，之前每周 {earlier} 条</translation>
    </message>
    <message>
        <source>Show only groups whose chat history is like this</source>
        <translation>只显示聊天记录符合此情况的群</translation>
    </message>
</context>
<context>
    <name>GroupsPage</name>
    <message>
        <source>Into which group</source>
        <translation>导入到哪个群</translation>
    </message>
    <message>
        <source>Each chat goes into a group: the one found for it, another you pick, or a new one.</source>
        <translation>每个聊天都导入到一个群：为它找到的群、您另选的群，或一个新群。</translation>
    </message>
</context>
<context>
    <name>GroupsPanel</name>
    <message>
        <source>Filter groups by name or pinyin</source>
        <translation>按名称或拼音筛选群组</translation>
    </message>
    <message>
        <source>Show archived</source>
        <translation>显示已归档</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Show only groups of this health status</source>
        <translation>只显示此健康状态的群</translation>
    </message>
    <message>
        <source>New group…</source>
        <translation>新建群组…</translation>
    </message>
    <message>
        <source>Add a group (Ctrl+N)</source>
        <translation>添加群组（Ctrl+N）</translation>
    </message>
    <message>
        <source>Select a group above to see its profile, members and sub-groups.</source>
        <translation>在上方选择一个群，查看其资料、成员和子群。</translation>
    </message>
    <message>
        <source>Groups</source>
        <translation>群组</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>未保存的更改</translation>
    </message>
    <message>
        <source>Save the changes to “{name}” before leaving its page?</source>
        <translation>离开前是否保存对“{name}”的更改？</translation>
    </message>
    <message>
        <source>No groups yet.
Click “New group…” to add the first group you look after.</source>
        <translation>还没有群组。
点击“新建群组…”添加你管理的第一个群。</translation>
    </message>
    <message numerus="yes">
        <source>%n group(s)</source>
        <translation>
            <numerusform>%n 个群</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n of {total} group(s) shown</source>
        <translation>
            <numerusform>显示 {total} 个群中的 %n 个</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Health</name>
    <message>
        <source>Healthy</source>
        <translation>健康</translation>
    </message>
    <message>
        <source>Needs attention</source>
        <translation>需关注</translation>
    </message>
    <message>
        <source>Dying</source>
        <translation>濒危</translation>
    </message>
    <message>
        <source>No interaction for {days} days — this group&apos;s rhythm is every {cadence} days.</source>
        <translation>已经 {days} 天没有互动了——这个群的节奏是每 {cadence} 天一次。</translation>
    </message>
    <message>
        <source>No interaction in the {days} days since the group was added — its rhythm is {cadence} days.</source>
        <translation>建群以来 {days} 天都没有互动——它的节奏是每 {cadence} 天一次。</translation>
    </message>
    <message>
        <source>Quiet for {days} days — this group&apos;s rhythm is every {cadence} days.</source>
        <translation>已经安静了 {days} 天——这个群的节奏是每 {cadence} 天一次。</translation>
    </message>
    <message>
        <source>Violations open for more than {days} days: {count}.</source>
        <translation>超过 {days} 天未处理的违规：{count} 条。</translation>
    </message>
    <message>
        <source>Banned members still in the group: {banned}.</source>
        <translation>已封禁但仍在群里的成员：{banned} 名。</translation>
    </message>
    <message>
        <source>Violations open over {days} days: {count}; banned members still in: {banned}.</source>
        <translation>超过 {days} 天未处理的违规 {count} 条；已封禁仍在群里的成员 {banned} 名。</translation>
    </message>
    <message>
        <source>The group has adopted no rules.</source>
        <translation>本群还没有采用任何群规。</translation>
    </message>
    <message>
        <source>The group&apos;s description is empty.</source>
        <translation>群介绍是空的。</translation>
    </message>
    <message>
        <source>The group&apos;s announcement is empty.</source>
        <translation>群公告是空的。</translation>
    </message>
    <message>
        <source>The group&apos;s description and announcement are empty.</source>
        <translation>群介绍和群公告都是空的。</translation>
    </message>
    <message>
        <source>{members} members and no helper — the group needs a second level.</source>
        <translation>{members} 名成员却没有骨干——这个群需要第二层。</translation>
    </message>
    <message>
        <source>{per_helper} members per helper — the target is at most {target}.</source>
        <translation>每名骨干负责 {per_helper} 人——目标是不超过 {target} 人。</translation>
    </message>
    <message>
        <source>Helpers not contacted for {days} days or more: {names}.</source>
        <translation>{days} 天以上没联系的骨干：{names}。</translation>
    </message>
    <message>
        <source>{percent}% of the members have not spoken for {days} days.</source>
        <translation>{percent}% 的成员已有 {days} 天没发言。</translation>
    </message>
    <message>
        <source>No meetup with this group in {days} days.</source>
        <translation>这个群 {days} 天内没有线下活动。</translation>
    </message>
    <message>
        <source>Self-sustaining: a star member is in the group, so its rhythm is relaxed.</source>
        <translation>自带活力：群里有明星成员，节奏可以放宽。</translation>
    </message>
    <message>
        <source>Self-sustaining: this kind of group keeps itself going, so its rhythm is relaxed.</source>
        <translation>自带活力：这类群能自己运转，节奏可以放宽。</translation>
    </message>
    <message>
        <source>Start a topic discussion in {group}</source>
        <translation>在 {group} 发起一次话题讨论</translation>
    </message>
    <message>
        <source>Wake up the silent members of {group}</source>
        <translation>唤醒 {group} 里沉默的成员</translation>
    </message>
    <message>
        <source>Clear the open violations in {group}</source>
        <translation>处理 {group} 的未结违规</translation>
    </message>
    <message>
        <source>Write rules for {group}</source>
        <translation>为 {group} 制定群规</translation>
    </message>
    <message>
        <source>Fill in the profile of {group}</source>
        <translation>完善 {group} 的群资料</translation>
    </message>
    <message>
        <source>Appoint a helper in {group}</source>
        <translation>为 {group} 任命一名骨干</translation>
    </message>
    <message>
        <source>Appoint another helper in {group}</source>
        <translation>为 {group} 再任命一名骨干</translation>
    </message>
    <message>
        <source>Check in with the helpers of {group}</source>
        <translation>和 {group} 的骨干沟通</translation>
    </message>
    <message>
        <source>Plan a meetup with {group}</source>
        <translation>为 {group} 策划一次线下活动</translation>
    </message>
    <message>
        <source>Bring more voices into {group}</source>
        <translation>让{group}里更多人开口</translation>
    </message>
    <message>
        <source>Appoint a helper to carry the talk in {group}</source>
        <translation>在{group}任命骨干带动聊天</translation>
    </message>
    <message>
        <source>Check in with {member}</source>
        <translation>和 {member} 沟通</translation>
    </message>
    <message>
        <source>Check in with {member} ({groups})</source>
        <translation>和{member}沟通一下（{groups}）</translation>
    </message>
    <message>
        <source>Last contacted {days} days ago — the rhythm for {tier} is every {cadence} days.</source>
        <translation>上次沟通在 {days} 天前——{tier}的节奏是每 {cadence} 天一次。</translation>
    </message>
    <message>
        <source>Never contacted (helper since {since}) — the rhythm for {tier} is every {cadence} days.</source>
        <translation>从未沟通（{since} 起任骨干）——{tier}的节奏是每 {cadence} 天一次。</translation>
    </message>
    <message>
        <source>and %n more</source>
        <translation>等另外 %n 人</translation>
    </message>
    <message>
        <source>Overdue since {when}.</source>
        <translation>自 {when} 起逾期。</translation>
    </message>
    <message>
        <source>Overdue since yesterday {when}.</source>
        <translation>自昨天 {when} 起逾期。</translation>
    </message>
    <message>
        <source>Overdue for {days} days.</source>
        <translation>已逾期 {days} 天。</translation>
    </message>
    <message>
        <source>Due today at {when}.</source>
        <translation>今天 {when} 到期。</translation>
    </message>
    <message>
        <source>Due {when}.</source>
        <translation>{when} 到期。</translation>
    </message>
    <message>
        <source>Done today at {when}.</source>
        <translation>今天 {when} 已完成。</translation>
    </message>
    <message>
        <source>Dismissed today at {when}.</source>
        <translation>今天 {when} 已忽略。</translation>
    </message>
    <message>
        <source>Suggested on {when}; the finding has changed since.</source>
        <translation>{when} 建议；之后情况已有变化。</translation>
    </message>
    <message>
        <source>Activity falling: {recent} messages a week over the last 4 weeks, against {earlier} in the 12 weeks before ({percent}%).</source>
        <translation>活跃度下滑：近 4 周每周 {recent} 条消息，此前 12 周每周 {earlier} 条（{percent}%）。</translation>
    </message>
    <message>
        <source>One voice: {name} sent {percent}% of the last 30 days&apos; {total} messages — the group hangs on one person.</source>
        <translation>一人独撑：近 30 天 {total} 条消息中 {name} 发了 {percent}%——群靠一个人撑着。</translation>
    </message>
    <message>
        <source>Monologue: you sent {percent}% of the last 30 days&apos; {total} messages — the group talks only when you do.</source>
        <translation>独角戏：近 30 天 {total} 条消息中你发了 {percent}%——你不说话群就冷场。</translation>
    </message>
    <message>
        <source>Newcomers silent: {spoke} of the {joined} members who joined in the last 90 days have spoken ({percent}%).</source>
        <translation>新人不说话：近 90 天入群的 {joined} 人中只有 {spoke} 人发过言（{percent}%）。</translation>
    </message>
    <message>
        <source>Ads left standing: {messages} ad-like messages in the last {days} days with no violation logged, from {names}.</source>
        <translation>广告没人管：近 {days} 天有 {messages} 条疑似广告未记违规，发送者：{names}。</translation>
    </message>
    <message>
        <source>Soul figures keep the talk going: {names} ({percent}% of the last 30 days&apos; messages), so the group&apos;s rhythm is relaxed.</source>
        <translation>有灵魂人物带动聊天：{names}（占近 30 天消息的 {percent}%），群的互动节奏因此放宽。</translation>
    </message>
</context>
<context>
    <name>HealthTab</name>
    <message>
        <source>Interactions per week, last 12 weeks</source>
        <translation>最近 12 周每周互动次数</translation>
    </message>
    <message>
        <source>Health</source>
        <translation>健康</translation>
    </message>
    <message>
        <source>Score {score}</source>
        <translation>得分 {score}</translation>
    </message>
    <message>
        <source>Nothing to worry about.</source>
        <translation>一切正常。</translation>
    </message>
    <message>
        <source>Click “{more}” to see everyone</source>
        <translation>点击“{more}”查看全部</translation>
    </message>
    <message>
        <source>Schedule a topic</source>
        <translation>安排话题</translation>
    </message>
    <message>
        <source>Write rules</source>
        <translation>制定群规</translation>
    </message>
    <message>
        <source>Fill in the profile</source>
        <translation>完善资料</translation>
    </message>
    <message>
        <source>Appoint a helper</source>
        <translation>任命骨干</translation>
    </message>
    <message>
        <source>Check in with a helper</source>
        <translation>与骨干沟通</translation>
    </message>
    <message>
        <source>Plan a meetup</source>
        <translation>策划活动</translation>
    </message>
    <message>
        <source>Clear open violations</source>
        <translation>处理未结违规</translation>
    </message>
    <message>
        <source>Log violations…</source>
        <translation>记录违规…</translation>
    </message>
    <message>
        <source>Welcome the newcomers</source>
        <translation>欢迎新人</translation>
    </message>
    <message>
        <source>Reach out</source>
        <translation>联系一下</translation>
    </message>
    <message>
        <source>Mark as star / invite to helpers</source>
        <translation>设为明星 / 邀请成为骨干</translation>
    </message>
</context>
<context>
    <name>HelperCareView</name>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>层级</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>逾期</translation>
    </message>
    <message>
        <source>Last contacted</source>
        <translation>最近联系</translation>
    </message>
    <message>
        <source>Last recognised</source>
        <translation>最近表彰</translation>
    </message>
    <message>
        <source>Check in every</source>
        <translation>联系周期</translation>
    </message>
    <message>
        <source>In the chat</source>
        <translation>群聊中</translation>
    </message>
    <message>
        <source>Groups</source>
        <translation>所在群</translation>
    </message>
    <message>
        <source>Log check-in…</source>
        <translation>记录沟通…</translation>
    </message>
    <message>
        <source>You talked with them: note what about</source>
        <translation>你和 TA 聊过了：记下聊了什么</translation>
    </message>
    <message>
        <source>Log recognition…</source>
        <translation>记录表彰…</translation>
    </message>
    <message>
        <source>You gave them recognition: public thanks, a title, a gift…</source>
        <translation>你给了 TA 认可：公开感谢、头衔、礼物…</translation>
    </message>
    <message>
        <source>★ Star</source>
        <translation>★ 明星</translation>
    </message>
    <message>
        <source>A star or soul figure: people join groups for them</source>
        <translation>明星或灵魂人物：大家因 TA 而入群</translation>
    </message>
    <message>
        <source>Set tier…</source>
        <translation>设置层级…</translation>
    </message>
    <message>
        <source>Open member</source>
        <translation>打开成员</translation>
    </message>
    <message>
        <source>Nobody to look after yet. The care list shows the members of every tier with a check-in cadence (set in the Tiers tab).</source>
        <translation>暂时没有需要关照的人。关照列表显示所有设有联系周期的层级中的成员（在“层级”页设置）。</translation>
    </message>
    <message numerus="yes">
        <source>%n helper(s) to look after</source>
        <translation>
            <numerusform>需关照的骨干 %n 名</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n overdue</source>
        <translation>
            <numerusform>%n 名逾期</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n 天</numerusform>
        </translation>
    </message>
    <message>
        <source>due today</source>
        <translation>今天到期</translation>
    </message>
    <message numerus="yes">
        <source>due in %n day(s)</source>
        <translation>
            <numerusform>%n 天后到期</numerusform>
        </translation>
    </message>
    <message>
        <source>never</source>
        <translation>从未</translation>
    </message>
    <message>
        <source>None of their groups has chat history imported</source>
        <translation>TA 所在的群都还没有导入聊天记录</translation>
    </message>
    <message>
        <source>Days with a message in the last 30 days, in any of their groups</source>
        <translation>最近 30 天里在任一所在群发过言的天数</translation>
    </message>
</context>
<context>
    <name>ImportPages</name>
    <message>
        <source>UTF-8</source>
        <translation>UTF-8</translation>
    </message>
    <message>
        <source>UTF-8 with BOM</source>
        <translation>UTF-8（带 BOM）</translation>
    </message>
    <message>
        <source>UTF-16 (Excel “Unicode text”)</source>
        <translation>UTF-16（Excel“Unicode 文本”）</translation>
    </message>
    <message>
        <source>GB18030 (Chinese Windows, GBK)</source>
        <translation>GB18030（中文 Windows、GBK）</translation>
    </message>
    <message>
        <source>Comma</source>
        <translation>逗号</translation>
    </message>
    <message>
        <source>Tab</source>
        <translation>制表符</translation>
    </message>
    <message>
        <source>Semicolon</source>
        <translation>分号</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <source>Import a roster</source>
        <translation>导入名单</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Reading {file}…</source>
        <translation>正在读取 {file}…</translation>
    </message>
    <message numerus="yes">
        <source>Checking %n row(s)…</source>
        <translation>
            <numerusform>正在检查 %n 行…</numerusform>
        </translation>
    </message>
    <message>
        <source>Save the report</source>
        <translation>保存报告</translation>
    </message>
    <message>
        <source>Choose a roster</source>
        <translation>选择名单文件</translation>
    </message>
    <message>
        <source>Rosters (*.csv *.tsv *.txt *.xlsx);;All files (*)</source>
        <translation>名单文件 (*.csv *.tsv *.txt *.xlsx);;所有文件 (*)</translation>
    </message>
    <message numerus="yes">
        <source>Importing %n row(s)…</source>
        <translation>
            <numerusform>正在导入 %n 行…</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancelled; nothing was written.</source>
        <translation>已取消，未写入任何内容。</translation>
    </message>
    <message>
        <source>The import failed and nothing was written: {error}</source>
        <translation>导入失败，未写入任何内容：{error}</translation>
    </message>
    <message>
        <source>Imported into {group}: {new} new, {updated} updated, {left} marked left.</source>
        <translation>已导入 {group}：新增 {new}，更新 {updated}，标记退群 {left}。</translation>
    </message>
</context>
<context>
    <name>InteractionDialog</name>
    <message>
        <source>Log an interaction</source>
        <translation>记录互动</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>发生了什么</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>类型(&amp;K)：</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>备注(&amp;N)：</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>记录</translation>
    </message>
</context>
<context>
    <name>Job</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Cancelled; nothing was changed.</source>
        <translation>已取消，未做任何更改。</translation>
    </message>
    <message>
        <source>Something went wrong and nothing was changed: {error}</source>
        <translation>出了点问题，未做任何更改：{error}</translation>
    </message>
</context>
<context>
    <name>JobWizard</name>
    <message>
        <source>Next &gt;</source>
        <translation>下一步 &gt;</translation>
    </message>
    <message>
        <source>&lt; Back</source>
        <translation>&lt; 上一步</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>WeChat</source>
        <translation>微信</translation>
    </message>
    <message>
        <source>QQ</source>
        <translation>QQ</translation>
    </message>
    <message>
        <source>WeCom</source>
        <translation>企业微信</translation>
    </message>
    <message>
        <source>Telegram</source>
        <translation>Telegram</translation>
    </message>
    <message>
        <source>Discord</source>
        <translation>Discord</translation>
    </message>
    <message>
        <source>Other platform</source>
        <translation>其他平台</translation>
    </message>
    <message>
        <source>Interest / hobby</source>
        <translation>兴趣爱好</translation>
    </message>
    <message>
        <source>Fans of a star</source>
        <translation>明星粉丝</translation>
    </message>
    <message>
        <source>Grown from an organisation</source>
        <translation>源自组织</translation>
    </message>
    <message>
        <source>Core group</source>
        <translation>核心群</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Other kind</source>
        <translation>其他类型</translation>
    </message>
    <message>
        <source>In group</source>
        <translation>在群</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>已退群</translation>
    </message>
    <message>
        <source>Removed</source>
        <translation>已移出</translation>
    </message>
    <message>
        <source>Banned</source>
        <translation>已封禁</translation>
    </message>
    <message>
        <source>Not banned</source>
        <translation>未封禁</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>群主</translation>
    </message>
    <message>
        <source>Admin</source>
        <translation>管理员</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>成员</translation>
    </message>
    <message>
        <source>Not given</source>
        <translation>未填写</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>女</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>男</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Notice</source>
        <translation>提醒</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>Removal</source>
        <translation>移出</translation>
    </message>
    <message>
        <source>Warned</source>
        <translation>已警告</translation>
    </message>
    <message>
        <source>Message deleted</source>
        <translation>已删消息</translation>
    </message>
    <message>
        <source>Muted</source>
        <translation>已禁言</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>计划中</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>已确认</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已结束</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Invited</source>
        <translation>已邀请</translation>
    </message>
    <message>
        <source>Going</source>
        <translation>参加</translation>
    </message>
    <message>
        <source>Maybe</source>
        <translation>可能参加</translation>
    </message>
    <message>
        <source>Declined</source>
        <translation>不参加</translation>
    </message>
    <message>
        <source>Waitlist</source>
        <translation>候补</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>主持</translation>
    </message>
    <message>
        <source>Check-in</source>
        <translation>签到</translation>
    </message>
    <message>
        <source>Photos</source>
        <translation>拍照</translation>
    </message>
    <message>
        <source>Logistics</source>
        <translation>后勤</translation>
    </message>
    <message>
        <source>Other help</source>
        <translation>其他帮手</translation>
    </message>
    <message>
        <source>Topic discussion</source>
        <translation>话题讨论</translation>
    </message>
    <message>
        <source>Scheduled share</source>
        <translation>定期分享</translation>
    </message>
    <message>
        <source>Poll</source>
        <translation>投票</translation>
    </message>
    <message>
        <source>Helper check-in</source>
        <translation>骨干沟通</translation>
    </message>
    <message>
        <source>Recognition</source>
        <translation>表彰</translation>
    </message>
    <message>
        <source>Welcome newcomers</source>
        <translation>欢迎新人</translation>
    </message>
    <message>
        <source>Profile upkeep</source>
        <translation>资料维护</translation>
    </message>
    <message>
        <source>Spam sweep</source>
        <translation>清理广告</translation>
    </message>
    <message>
        <source>Meetup prep</source>
        <translation>活动筹备</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>自定义</translation>
    </message>
    <message>
        <source>Other interaction</source>
        <translation>其他互动</translation>
    </message>
    <message>
        <source>High</source>
        <translation>高</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>普通</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>低</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Loading a sample community…</source>
        <translation>正在载入示例社群…</translation>
    </message>
    <message>
        <source>Quit Huoqun</source>
        <translation>退出活群</translation>
    </message>
    <message>
        <source>Cancel “{job}” and quit?</source>
        <translation>取消“{job}”并退出？</translation>
    </message>
    <message>
        <source>What it has done so far is rolled back.</source>
        <translation>它到目前为止所做的更改都会撤回。</translation>
    </message>
    <message>
        <source>Cancel it and quit</source>
        <translation>取消并退出</translation>
    </message>
    <message>
        <source>Keep working</source>
        <translation>继续工作</translation>
    </message>
</context>
<context>
    <name>MappingPage</name>
    <message>
        <source>How the file reads</source>
        <translation>文件读取方式</translation>
    </message>
    <message>
        <source>Check the columns below; change the encoding or the header row if the text looks wrong.</source>
        <translation>请核对下面的列；如果文字显示不对，请更换编码或表头行。</translation>
    </message>
    <message>
        <source>Encoding:</source>
        <translation>编码：</translation>
    </message>
    <message>
        <source>Delimiter:</source>
        <translation>分隔符：</translation>
    </message>
    <message>
        <source>Header row:</source>
        <translation>表头行：</translation>
    </message>
    <message>
        <source>Kind of file:</source>
        <translation>文件类型：</translation>
    </message>
    <message>
        <source>Detected: {encoding}, {delimiter}; {rows} rows below the header.</source>
        <translation>检测结果：{encoding}，{delimiter}；表头下共 {rows} 行。</translation>
    </message>
    <message>
        <source>An Excel workbook; {rows} rows below the header.</source>
        <translation>Excel 工作簿；表头下共 {rows} 行。</translation>
    </message>
    <message>
        <source>— not imported —</source>
        <translation>— 不导入 —</translation>
    </message>
    <message>
        <source>(column {n})</source>
        <translation>（第 {n} 列）</translation>
    </message>
</context>
<context>
    <name>MarkRemovedDialog</name>
    <message>
        <source>Removed from a group</source>
        <translation>已移出群</translation>
    </message>
    <message>
        <source>You removed {name} in the chat app. Which group was it? Its removal task is closed.</source>
        <translation>你已在聊天软件里移出 {name}。是哪个群？对应的移出任务将被关闭。</translation>
    </message>
    <message>
        <source>&amp;Group:</source>
        <translation>群组(&amp;G)：</translation>
    </message>
    <message>
        <source>Mark removed</source>
        <translation>标记已移出</translation>
    </message>
    <message>
        <source>{name} marked as removed from {group}.</source>
        <translation>已将 {name} 标记为已移出 {group}。</translation>
    </message>
</context>
<context>
    <name>MeetupDialog</name>
    <message>
        <source>e.g. March book club meetup</source>
        <translation>例如：三月读书会线下分享</translation>
    </message>
    <message>
        <source>No limit</source>
        <translation>不限</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>标题(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Groups:</source>
        <translation>群组(&amp;G)：</translation>
    </message>
    <message>
        <source>&amp;When:</source>
        <translation>时间(&amp;W)：</translation>
    </message>
    <message>
        <source>&amp;Venue:</source>
        <translation>场地(&amp;V)：</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>地址(&amp;A)：</translation>
    </message>
    <message>
        <source>&amp;Capacity:</source>
        <translation>人数上限(&amp;C)：</translation>
    </message>
    <message>
        <source>&amp;Status:</source>
        <translation>状态(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;Notes:</source>
        <translation>备注(&amp;N)：</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>RSVPs</source>
        <translation>报名</translation>
    </message>
    <message>
        <source>Agenda</source>
        <translation>议程</translation>
    </message>
    <message>
        <source>Checklist</source>
        <translation>清单</translation>
    </message>
    <message>
        <source>Budget</source>
        <translation>预算</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>分工</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <source>Save PDF…</source>
        <translation>保存 PDF…</translation>
    </message>
    <message>
        <source>Export .ics…</source>
        <translation>导出 .ics…</translation>
    </message>
    <message>
        <source>Full phone numbers</source>
        <translation>完整手机号</translation>
    </message>
    <message>
        <source>Print whole phone numbers on the sign-in sheet instead of masked ones</source>
        <translation>签到表上打印完整手机号，而不是打码的号码</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Meetup: {title}</source>
        <translation>线下活动：{title}</translation>
    </message>
    <message>
        <source>New meetup</source>
        <translation>新建线下活动</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>创建</translation>
    </message>
    <message>
        <source>Created. Now add RSVPs, the agenda and the rest.</source>
        <translation>已创建。现在可以添加报名、议程等内容。</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <source>Print the plan</source>
        <translation>打印活动方案</translation>
    </message>
    <message>
        <source>Save the plan as PDF</source>
        <translation>将活动方案保存为 PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Export to a calendar</source>
        <translation>导出到日历</translation>
    </message>
    <message>
        <source>iCalendar files (*.ics)</source>
        <translation>iCalendar 文件 (*.ics)</translation>
    </message>
    <message>
        <source>Writing the plan…</source>
        <translation>正在写入活动方案…</translation>
    </message>
    <message numerus="yes">
        <source>Saved %n page(s) to {file}.</source>
        <translation>
            <numerusform>已将 %n 页保存到 {file}。</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not write the PDF: {error}</source>
        <translation>无法写入 PDF：{error}</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n meetup(s) to {file}.</source>
        <translation>
            <numerusform>已将 %n 个活动导出到 {file}。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MeetupPlanDialog</name>
    <message>
        <source>Plan a meetup with {group}</source>
        <translation>为 {group} 策划活动</translation>
    </message>
    <message>
        <source>{group} meetup</source>
        <translation>{group}线下活动</translation>
    </message>
    <message>
        <source>Meetup:</source>
        <translation>活动：</translation>
    </message>
    <message>
        <source>Day:</source>
        <translation>日期：</translation>
    </message>
    <message>
        <source>From 19:00 to 21:00; venue, RSVPs and the plan are filled in in Meetups.</source>
        <translation>时间为 19:00–21:00；场地、报名和活动安排请到“活动”里填写。</translation>
    </message>
    <message>
        <source>Plan meetup</source>
        <translation>策划活动</translation>
    </message>
    <message>
        <source>Meetup planned for {day}</source>
        <translation>已策划 {day} 的活动</translation>
    </message>
</context>
<context>
    <name>MeetupsPanel</name>
    <message>
        <source>New meetup…</source>
        <translation>新建活动…</translation>
    </message>
    <message>
        <source>Plan a meetup (Ctrl+N); or click a day</source>
        <translation>策划一次线下活动（Ctrl+N），或点击某一天</translation>
    </message>
    <message>
        <source>Export upcoming .ics…</source>
        <translation>导出即将举行的 .ics…</translation>
    </message>
    <message>
        <source>All upcoming meetups in one iCalendar file, for a phone or mail calendar</source>
        <translation>把所有即将举行的活动导出为一个 iCalendar 文件，供手机或邮箱日历使用</translation>
    </message>
    <message>
        <source>Meetups</source>
        <translation>线下活动</translation>
    </message>
    <message>
        <source>Export upcoming meetups</source>
        <translation>导出即将举行的活动</translation>
    </message>
    <message>
        <source>meetups.ics</source>
        <translation>线下活动.ics</translation>
    </message>
    <message>
        <source>iCalendar files (*.ics)</source>
        <translation>iCalendar 文件 (*.ics)</translation>
    </message>
    <message>
        <source>No upcoming meetup to export.</source>
        <translation>没有即将举行的活动可导出。</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n meetup(s) to {file}.</source>
        <translation>
            <numerusform>已将 %n 个活动导出到 {file}。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MemberChatTab</name>
    <message>
        <source>Group</source>
        <translation>群</translation>
    </message>
    <message>
        <source>Presence</source>
        <translation>在场情况</translation>
    </message>
    <message>
        <source>Days spoken</source>
        <translation>发言天数</translation>
    </message>
    <message>
        <source>Messages (30 days)</source>
        <translation>消息（30 天）</translation>
    </message>
    <message>
        <source>Last spoke</source>
        <translation>最后发言</translation>
    </message>
    <message>
        <source>Presence over the last 30 days, from imported chat history: regular, occasional, once or silent. Double-click a group to open it.</source>
        <translation>近 30 天的在场情况，来自导入的聊天记录：经常发言、偶尔发言、只说过一次或沉默。双击一个群可打开它。</translation>
    </message>
    <message>
        <source>{group} (left)</source>
        <translation>{group}（已退群）</translation>
    </message>
    <message>
        <source>never</source>
        <translation>从未</translation>
    </message>
    <message>
        <source>Chat activity</source>
        <translation>发言情况</translation>
    </message>
    <message>
        <source>Messages per week in {group}, last 26 weeks</source>
        <translation>在“{group}”每周的消息，近 26 周</translation>
    </message>
</context>
<context>
    <name>MemberDialog</name>
    <message>
        <source>Profile</source>
        <translation>资料</translation>
    </message>
    <message>
        <source>Groups</source>
        <translation>群组</translation>
    </message>
    <message>
        <source>Tier history</source>
        <translation>层级变动</translation>
    </message>
    <message>
        <source>Meetups</source>
        <translation>线下活动</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Erase this person…</source>
        <translation>彻底删除此人…</translation>
    </message>
    <message>
        <source>Remove every record that names this person (their right to be forgotten)</source>
        <translation>删除所有涉及此人的记录（被遗忘权）</translation>
    </message>
    <message>
        <source>New member</source>
        <translation>新建成员</translation>
    </message>
    <message>
        <source>Member: {name}</source>
        <translation>成员：{name}</translation>
    </message>
    <message>
        <source>Erase this person</source>
        <translation>彻底删除此人</translation>
    </message>
    <message>
        <source>Erase {name} and everything recorded about them: memberships, tier history, violations, meetups, tasks and interactions. This cannot be undone.

Backups made before now still hold them; delete those backups too if they must be gone everywhere.</source>
        <translation>彻底删除 {name} 及其所有记录：群成员关系、层级变动、违规、线下活动、任务和互动。此操作无法撤销。

此前的备份中仍保留着此人；如需处处清除，请一并删除那些备份。</translation>
    </message>
    <message>
        <source>Erase</source>
        <translation>删除</translation>
    </message>
</context>
<context>
    <name>MemberFilterBar</name>
    <message>
        <source>Name, nickname, pinyin (zs), QQ, WeChat, phone</source>
        <translation>姓名、群名片、拼音（zs）、QQ、微信、手机号</translation>
    </message>
    <message>
        <source>Search by name, group nickname, pinyin (full or initials: zs and zhangsan find 张三), QQ number, WeChat id or phone (Ctrl+F)</source>
        <translation>按姓名、群名片、拼音（全拼或首字母：zs 和 zhangsan 都能找到张三）、QQ 号、微信号或手机号搜索（Ctrl+F）</translation>
    </message>
    <message>
        <source>Stars only</source>
        <translation>只看明星成员</translation>
    </message>
    <message>
        <source>Only star members and soul figures</source>
        <translation>只显示明星成员和灵魂人物</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>任意状态</translation>
    </message>
    <message>
        <source>All groups</source>
        <translation>所有群组</translation>
    </message>
    <message>
        <source>{name} (archived)</source>
        <translation>{name}（已归档）</translation>
    </message>
    <message>
        <source>All tiers</source>
        <translation>所有层级</translation>
    </message>
    <message>
        <source>All tags</source>
        <translation>所有标签</translation>
    </message>
</context>
<context>
    <name>MemberMeetupsTab</name>
    <message>
        <source>Meetup</source>
        <translation>活动</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>RSVP</source>
        <translation>报名</translation>
    </message>
    <message>
        <source>Attended</source>
        <translation>已出席</translation>
    </message>
    <message>
        <source>Not invited to any meetup yet.</source>
        <translation>尚未被邀请参加任何线下活动。</translation>
    </message>
    <message numerus="yes">
        <source>Meetups (%n attended)</source>
        <translation>
            <numerusform>线下活动（出席 %n 次）</numerusform>
        </translation>
    </message>
    <message>
        <source>No-show</source>
        <translation>未到场</translation>
    </message>
</context>
<context>
    <name>MemberPicker</name>
    <message>
        <source>Type a name, pinyin (zs), QQ or WeChat id</source>
        <translation>输入姓名、拼音（zs）、QQ 或微信号</translation>
    </message>
</context>
<context>
    <name>MemberProfileTab</name>
    <message>
        <source>The name you know them by</source>
        <translation>你对 TA 的称呼</translation>
    </message>
    <message>
        <source>5 to 11 digits</source>
        <translation>5 到 11 位数字</translation>
    </message>
    <message>
        <source>e.g. wxid_… or one they chose</source>
        <translation>例如 wxid_… 或自定义微信号</translation>
    </message>
    <message>
        <source>User id, digits (from a chat export)</source>
        <translation>用户 ID，纯数字（见聊天记录导出）</translation>
    </message>
    <message>
        <source>e.g. 138 0013 8000 or +86…</source>
        <translation>例如 138 0013 8000 或 +86…</translation>
    </message>
    <message>
        <source>Reason for the tier change (optional)</source>
        <translation>层级变动原因（可选）</translation>
    </message>
    <message>
        <source>Why, e.g. posted ads after a warning</source>
        <translation>原因，例如警告后仍发广告</translation>
    </message>
    <message>
        <source>Star or soul figure: people join groups for them</source>
        <translation>明星或灵魂人物：大家因 TA 而入群</translation>
    </message>
    <message>
        <source>Comma-separated, e.g. volunteer, photographer</source>
        <translation>用逗号分隔，例如：志愿者, 摄影</translation>
    </message>
    <message>
        <source>Display name:</source>
        <translation>显示名称：</translation>
    </message>
    <message>
        <source>QQ:</source>
        <translation>QQ：</translation>
    </message>
    <message>
        <source>WeChat id:</source>
        <translation>微信号：</translation>
    </message>
    <message>
        <source>Telegram id:</source>
        <translation>Telegram ID：</translation>
    </message>
    <message>
        <source>Discord id:</source>
        <translation>Discord ID：</translation>
    </message>
    <message>
        <source>Phone:</source>
        <translation>手机号：</translation>
    </message>
    <message>
        <source>Email:</source>
        <translation>邮箱：</translation>
    </message>
    <message>
        <source>City:</source>
        <translation>城市：</translation>
    </message>
    <message>
        <source>Gender:</source>
        <translation>性别：</translation>
    </message>
    <message>
        <source>Tier:</source>
        <translation>层级：</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>状态：</translation>
    </message>
    <message>
        <source>Tags:</source>
        <translation>标签：</translation>
    </message>
    <message>
        <source>Add to group:</source>
        <translation>加入群组：</translation>
    </message>
    <message>
        <source>Notes:</source>
        <translation>备注：</translation>
    </message>
    <message>
        <source>No group yet</source>
        <translation>暂不加入群</translation>
    </message>
    <message>
        <source>First seen {date}</source>
        <translation>首次记录于 {date}</translation>
    </message>
    <message>
        <source>last contacted {date}</source>
        <translation>最近联系 {date}</translation>
    </message>
</context>
<context>
    <name>MemberRefsDialog</name>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>成员</translation>
    </message>
    <message>
        <source>new</source>
        <translation>新成员</translation>
    </message>
    <message>
        <source>Open member</source>
        <translation>打开成员</translation>
    </message>
</context>
<context>
    <name>MemberTableModel</name>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>层级</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>QQ</source>
        <translation>QQ</translation>
    </message>
    <message>
        <source>WeChat id</source>
        <translation>微信号</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>手机号</translation>
    </message>
    <message>
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <source>Groups</source>
        <translation>群组</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Last contacted</source>
        <translation>最近联系</translation>
    </message>
    <message>
        <source>Telegram id</source>
        <translation>Telegram ID</translation>
    </message>
    <message>
        <source>Discord id</source>
        <translation>Discord ID</translation>
    </message>
    <message>
        <source>Found by</source>
        <translation>匹配项</translation>
    </message>
    <message>
        <source>Name in pinyin</source>
        <translation>姓名拼音</translation>
    </message>
    <message>
        <source>Group nickname “{text}”</source>
        <translation>群名片“{text}”</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>邮箱</translation>
    </message>
</context>
<context>
    <name>MemberViolationsView</name>
    <message>
        <source>Case</source>
        <translation>案号</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>群组</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>违规分</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>处理</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>未处理</translation>
    </message>
    <message>
        <source>Handled</source>
        <translation>已处理</translation>
    </message>
    <message>
        <source>No violation logged. A clean record.</source>
        <translation>没有违规记录，表现良好。</translation>
    </message>
    <message>
        <source>Log violation…</source>
        <translation>记录违规…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Violations and bans are saved at once.</source>
        <translation>违规和封禁会立即保存。</translation>
    </message>
    <message numerus="yes">
        <source>Violations (%n strike(s))</source>
        <translation>
            <numerusform>违规（%n 次）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n strike(s) now</source>
        <translation>
            <numerusform>当前 %n 次违规</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>strikes expire after %n day(s)</source>
        <translation>
            <numerusform>违规 %n 天后失效</numerusform>
        </translation>
    </message>
    <message>
        <source>Banned in every group.</source>
        <translation>已在所有群封禁。</translation>
    </message>
    <message>
        <source>Why: {reason}</source>
        <translation>原因：{reason}</translation>
    </message>
    <message>
        <source>Still in {groups}: remove them there.</source>
        <translation>仍在 {groups}：请在那里移出。</translation>
    </message>
    <message>
        <source>Unban…</source>
        <translation>解封…</translation>
    </message>
    <message>
        <source>Ban…</source>
        <translation>封禁…</translation>
    </message>
</context>
<context>
    <name>MembersPanel</name>
    <message>
        <source>New member</source>
        <translation>新建成员</translation>
    </message>
    <message>
        <source>Add a member by hand (Ctrl+N)</source>
        <translation>手动添加成员（Ctrl+N）</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Add to group…</source>
        <translation>加入群组…</translation>
    </message>
    <message>
        <source>Set status…</source>
        <translation>设置状态…</translation>
    </message>
    <message>
        <source>Set tier…</source>
        <translation>设置层级…</translation>
    </message>
    <message>
        <source>Tag…</source>
        <translation>标签…</translation>
    </message>
    <message>
        <source>Merge…</source>
        <translation>合并…</translation>
    </message>
    <message>
        <source>Select exactly two records of the same person</source>
        <translation>选择同一个人的两条记录</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <source>Bring in a roster: a QQ group export, a WeChat group tool sheet, CSV or XLSX</source>
        <translation>导入名单：QQ 群成员导出、微信群工具表格、CSV 或 XLSX</translation>
    </message>
    <message>
        <source>Import chat history…</source>
        <translation>导入聊天记录…</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Write the members shown or selected to CSV, Excel or PDF</source>
        <translation>将显示或选中的成员导出为 CSV、Excel 或 PDF</translation>
    </message>
    <message>
        <source>No member matches “{query}”.</source>
        <translation>没有成员匹配“{query}”。</translation>
    </message>
    <message>
        <source>The filters beside the search box apply too.</source>
        <translation>搜索框旁的筛选条件也同时生效。</translation>
    </message>
    <message>
        <source>No member matches these filters.</source>
        <translation>没有成员符合这些筛选条件。</translation>
    </message>
    <message>
        <source>No members yet: import a roster or add a member with New member.</source>
        <translation>还没有成员：导入名单，或用“新建成员”添加。</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>成员</translation>
    </message>
    <message numerus="yes">
        <source>{selected} of %Ln member(s) selected</source>
        <translation>
            <numerusform>已选 {selected} / %Ln 名成员</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln member(s)</source>
        <translation>
            <numerusform>%Ln 名成员</numerusform>
        </translation>
    </message>
    <message>
        <source>Select all</source>
        <translation>全选</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n member(s) to {file}.</source>
        <translation>
            <numerusform>已将 %n 名成员导出到 {file}。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MembershipDialog</name>
    <message>
        <source>Add to group</source>
        <translation>加入群组</translation>
    </message>
    <message>
        <source>Group:</source>
        <translation>群组：</translation>
    </message>
    <message>
        <source>Membership in {group}</source>
        <translation>在 {group} 中的成员资料</translation>
    </message>
    <message>
        <source>The name shown in this group</source>
        <translation>在本群显示的名字（群名片）</translation>
    </message>
    <message>
        <source>Group nickname:</source>
        <translation>群名片：</translation>
    </message>
    <message>
        <source>Role:</source>
        <translation>群身份：</translation>
    </message>
    <message>
        <source>Joined:</source>
        <translation>入群：</translation>
    </message>
    <message>
        <source>Last spoke:</source>
        <translation>最后发言：</translation>
    </message>
    <message>
        <source>Left:</source>
        <translation>退群：</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>This member is already in every group.</source>
        <translation>该成员已在所有群中。</translation>
    </message>
</context>
<context>
    <name>MembershipsTab</name>
    <message>
        <source>Group</source>
        <translation>群组</translation>
    </message>
    <message>
        <source>Group nickname</source>
        <translation>群名片</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>群身份</translation>
    </message>
    <message>
        <source>Joined</source>
        <translation>入群</translation>
    </message>
    <message>
        <source>Last spoke</source>
        <translation>最后发言</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>退群</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Add to group…</source>
        <translation>加入群组…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Mark left</source>
        <translation>标记已退群</translation>
    </message>
    <message>
        <source>Mark removed</source>
        <translation>标记已移出</translation>
    </message>
    <message>
        <source>Back in group</source>
        <translation>重新在群</translation>
    </message>
    <message>
        <source>They left this group; their other groups stay</source>
        <translation>此人已退出本群；其他群不受影响</translation>
    </message>
    <message>
        <source>You removed them from this group; their other groups stay</source>
        <translation>你已将此人移出本群；其他群不受影响</translation>
    </message>
    <message>
        <source>Open group</source>
        <translation>打开群组</translation>
    </message>
    <message>
        <source>Changes to groups are saved at once.</source>
        <translation>群组相关的更改会立即保存。</translation>
    </message>
    <message>
        <source>Not in any group yet. Use “Add to group…” to record a membership.</source>
        <translation>尚未加入任何群。用“加入群组…”记录入群。</translation>
    </message>
    <message numerus="yes">
        <source>Groups (%n)</source>
        <translation>
            <numerusform>群组（%n）</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <source>Merge two members</source>
        <translation>合并两名成员</translation>
    </message>
    <message>
        <source>These two records are the same person. Choose the record to keep: the other record&apos;s memberships, tier history, violations, meetup attendance, tasks, interactions and tags move to it, and its empty fields are filled in from the other. The other record is then deleted. This cannot be undone.</source>
        <translation>这两条记录是同一个人。请选择要保留的记录：另一条记录的群成员关系、层级变动、违规、活动出席、任务、互动和标签都会移到它名下，空白字段会用另一条记录补全。随后另一条记录将被删除。此操作无法撤销。</translation>
    </message>
    <message>
        <source>Keep:</source>
        <translation>保留：</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>合并</translation>
    </message>
    <message>
        <source>QQ</source>
        <translation>QQ</translation>
    </message>
    <message>
        <source>WeChat</source>
        <translation>微信</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>手机</translation>
    </message>
    <message>
        <source>in no group</source>
        <translation>不在任何群中</translation>
    </message>
    <message>
        <source>Merged the two records into {name}.</source>
        <translation>已将两条记录合并为 {name}。</translation>
    </message>
</context>
<context>
    <name>MonthCalendar</name>
    <message>
        <source>‹ Previous</source>
        <translation>‹ 上个月</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>Next ›</source>
        <translation>下个月 ›</translation>
    </message>
    <message>
        <source>MMMM yyyy</source>
        <translation>yyyy年M月</translation>
    </message>
    <message numerus="yes">
        <source>+%n more</source>
        <translation>
            <numerusform>还有 %n 个</numerusform>
        </translation>
    </message>
    <message>
        <source>{title}
{when} · {status}
{venue}</source>
        <translation>{title}
{when} · {status}
{venue}</translation>
    </message>
</context>
<context>
    <name>MoreSuggestionsDialog</name>
    <message>
        <source>More suggestions</source>
        <translation>更多建议</translation>
    </message>
    <message>
        <source>What did not fit today&apos;s plan, the most useful first. Accept one to add it to the Queue; dismiss it for 14 days.</source>
        <translation>今日计划放不下的建议，最有用的排在前面。接受一条即加入待办；忽略则 14 天内不再建议。</translation>
    </message>
    <message>
        <source>Suggestion</source>
        <translation>建议</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>接受</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>忽略</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Added to the Queue: {title}</source>
        <translation>已加入待办：{title}</translation>
    </message>
    <message>
        <source>Dismissed: {title}</source>
        <translation>已忽略：{title}</translation>
    </message>
</context>
<context>
    <name>MyAccountsBox</name>
    <message>
        <source>My accounts</source>
        <translation>我的账号</translation>
    </message>
    <message>
        <source>Your own ids on each platform (QQ number, wxid, Telegram or Discord user id). In imported chat history, messages from them count as yours, not as a member&apos;s.</source>
        <translation>你自己在各平台上的 ID（QQ 号、wxid、Telegram 或 Discord 用户 ID）。导入聊天记录时，这些账号发的消息算作你的，而不算成员的发言。</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>平台</translation>
    </message>
    <message>
        <source>Account id</source>
        <translation>账号 ID</translation>
    </message>
    <message>
        <source>No accounts yet.</source>
        <translation>还没有账号。</translation>
    </message>
    <message>
        <source>e.g. 10001, wxid_…, 123456789</source>
        <translation>例如 10001、wxid_…、123456789</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Remove selected</source>
        <translation>移除所选</translation>
    </message>
    <message>
        <source>Added {id} ({platform}).</source>
        <translation>已添加 {id}（{platform}）。</translation>
    </message>
    <message>
        <source>Removed {id}.</source>
        <translation>已移除 {id}。</translation>
    </message>
</context>
<context>
    <name>NoticeArea</name>
    <message>
        <source>Dismiss</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>OptionalDateEdit</name>
    <message>
        <source>Untick to leave the date empty</source>
        <translation>取消勾选可留空日期</translation>
    </message>
    <message>
        <source>No date</source>
        <translation>无日期</translation>
    </message>
</context>
<context>
    <name>OutcomeDialog</name>
    <message>
        <source>Complete task</source>
        <translation>完成任务</translation>
    </message>
    <message>
        <source>Done: {title}</source>
        <translation>完成：{title}</translation>
    </message>
    <message>
        <source>How did it go? e.g. 23 replies, two newcomers introduced themselves</source>
        <translation>效果如何？例如：23 条回复，两位新人做了自我介绍</translation>
    </message>
    <message>
        <source>&amp;Outcome:</source>
        <translation>结果(&amp;O)：</translation>
    </message>
    <message>
        <source>Complete</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>Violations still open</source>
        <translation>违规仍未处理</translation>
    </message>
    <message numerus="yes">
        <source>%n violation(s) in {group} still open. Completing this task handles none of them: handle each in the violation log, and the finding goes with them.</source>
        <translation>
            <numerusform>{group} 还有 %n 条违规未处理。完成这个任务并不会处理它们：请在违规记录里逐条处理，这条发现会随之消失。</numerusform>
        </translation>
    </message>
    <message>
        <source>Complete anyway</source>
        <translation>仍然完成</translation>
    </message>
    <message>
        <source>Not cleared yet</source>
        <translation>还没处理完</translation>
    </message>
    <message>
        <source>Open the violations</source>
        <translation>打开这些违规</translation>
    </message>
    <message>
        <source>Removed from the group?</source>
        <translation>已移出群了吗？</translation>
    </message>
    <message>
        <source>Did you remove {member} from {group} in the chat app? Completing marks them removed from {group}; the Ban list follows.</source>
        <translation>你已在聊天软件里把 {member} 移出 {group} 了吗？完成后记为已移出 {group}，封禁名单随之更新。</translation>
    </message>
    <message>
        <source>Yes, removed</source>
        <translation>是，已移出</translation>
    </message>
    <message>
        <source>Not removed yet</source>
        <translation>还没移出</translation>
    </message>
    <message>
        <source>Anything to note (optional)</source>
        <translation>备注（可选）</translation>
    </message>
</context>
<context>
    <name>ParentCombo</name>
    <message>
        <source>None (a top-level group)</source>
        <translation>无（顶级群）</translation>
    </message>
    <message>
        <source>{name} (archived)</source>
        <translation>{name}（已归档）</translation>
    </message>
</context>
<context>
    <name>PeopleDialog</name>
    <message numerus="yes">
        <source>Everyone in this finding (%n)</source>
        <translation>
            <numerusform>此项涉及的全部人员（%n）</numerusform>
        </translation>
    </message>
    <message>
        <source>Copy the names</source>
        <translation>复制名单</translation>
    </message>
    <message>
        <source>One name a line, to paste into a chat or a sheet</source>
        <translation>每行一个名字，可粘贴到群聊或表格</translation>
    </message>
</context>
<context>
    <name>PlanBox</name>
    <message>
        <source>Today&apos;s plan</source>
        <translation>今日计划</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>到期</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>Group or member</source>
        <translation>群或成员</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Nothing planned: no task is due and nothing needs doing.</source>
        <translation>今天没有计划：没有到期的任务，也没有需要处理的事。</translation>
    </message>
    <message>
        <source>Complete…</source>
        <translation>完成…</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>忽略</translation>
    </message>
    <message>
        <source>Not now: not suggested again for 14 days</source>
        <translation>暂不处理：14 天内不再建议</translation>
    </message>
    <message>
        <source>More…</source>
        <translation>更多…</translation>
    </message>
    <message>
        <source>Every open task, in the Queue</source>
        <translation>所有未完成的任务，在待办中</translation>
    </message>
    <message>
        <source>More suggestions…</source>
        <translation>更多建议…</translation>
    </message>
    <message>
        <source>{done} of {count} done · {open} · {overdue}</source>
        <translation>{count}中已完成 {done} 项 · {open} · {overdue}</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s)</source>
        <translation>
            <numerusform>%n 项</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln open task(s) in the Queue</source>
        <translation>
            <numerusform>待办中共 %Ln 个未完成任务</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln overdue</source>
        <translation>
            <numerusform>%Ln 个逾期</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>More suggestions (%Ln)…</source>
        <translation>
            <numerusform>更多建议（%Ln）…</numerusform>
        </translation>
    </message>
    <message>
        <source>Open member</source>
        <translation>打开成员</translation>
    </message>
    <message>
        <source>Open violations</source>
        <translation>打开违规记录</translation>
    </message>
    <message>
        <source>Open group</source>
        <translation>打开群</translation>
    </message>
</context>
<context>
    <name>Presence</name>
    <message>
        <source>regular</source>
        <translation>常发言</translation>
    </message>
    <message>
        <source>occasional</source>
        <translation>偶尔发言</translation>
    </message>
    <message>
        <source>once</source>
        <translation>只说过一次</translation>
    </message>
    <message>
        <source>silent</source>
        <translation>沉默</translation>
    </message>
</context>
<context>
    <name>PreviewPage</name>
    <message>
        <source>What the import would do</source>
        <translation>导入预览</translation>
    </message>
    <message>
        <source>Nothing has been written yet.</source>
        <translation>尚未写入任何内容。</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Read again</source>
        <translation>重新读取</translation>
    </message>
    <message>
        <source>Reading…</source>
        <translation>正在读取…</translation>
    </message>
    <message>
        <source>Cancelled: nothing was read and nothing was written.</source>
        <translation>已取消：没有读取，也没有写入任何内容。</translation>
    </message>
    <message>
        <source>The import failed and nothing was written: {error}</source>
        <translation>导入失败，没有写入任何内容：{error}</translation>
    </message>
    <message>
        <source>Cancelled; nothing was written.</source>
        <translation>已取消，没有写入任何内容。</translation>
    </message>
    <message>
        <source>Mark members of the group who are not in the file as left</source>
        <translation>将文件中没有的群成员标记为已退群</translation>
    </message>
    <message>
        <source>Import only the valid rows</source>
        <translation>只导入有效行</translation>
    </message>
    <message>
        <source>Invalid rows (not imported):</source>
        <translation>无效行（不导入）：</translation>
    </message>
    <message>
        <source>Cells left empty (their rows are imported):</source>
        <translation>留空的单元格（所在行照常导入）：</translation>
    </message>
    <message>
        <source>Save the report…</source>
        <translation>保存报告…</translation>
    </message>
    <message>
        <source>Full phone numbers in the report</source>
        <translation>报告中显示完整手机号</translation>
    </message>
    <message>
        <source>Unticked, phones read 138****1234: enough to recognise, not to misuse</source>
        <translation>不勾选时手机号显示为 138****1234：足以辨认，又不易被滥用</translation>
    </message>
    <message>
        <source>{name} (new)</source>
        <translation>{name}（新建）</translation>
    </message>
    <message>
        <source>Into {group}: {new} new, {updated} updated, {unchanged} unchanged, {invalid} invalid.</source>
        <translation>导入 {group}：新增 {new}，更新 {updated}，不变 {unchanged}，无效 {invalid}。</translation>
    </message>
    <message numerus="yes">
        <source>%n member(s) not in the file will be marked as left.</source>
        <translation>
            <numerusform>文件中没有的 %n 名成员将被标记为已退群。</numerusform>
        </translation>
    </message>
    <message>
        <source>Banned members in this file: {names}. They are flagged, not unbanned.</source>
        <translation>文件中有已封禁的成员：{names}。他们会被标出，不会解封。</translation>
    </message>
    <message>
        <source>The file has invalid rows: it is refused as a whole unless you import only the valid rows.</source>
        <translation>文件中有无效行：除非选择只导入有效行，否则整个文件都不导入。</translation>
    </message>
    <message numerus="yes">
        <source>%n cell(s) could not be read and will be left empty; their rows are imported.</source>
        <translation>
            <numerusform>有 %n 个单元格无法识别，将留空；所在行照常导入。</numerusform>
        </translation>
    </message>
    <message>
        <source>{columns} will not be imported. To import a column, go back and choose its field.</source>
        <translation>{columns} 不会导入。如需导入某列，请返回上一步为它选择字段。</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>A new group has no members to mark as left.</source>
        <translation>新群还没有成员，无需标记退群。</translation>
    </message>
    <message numerus="yes">
        <source>…and %n more: save the report for all.</source>
        <translation>
            <numerusform>……另有 %n 条：保存报告可查看全部。</numerusform>
        </translation>
    </message>
    <message>
        <source>Line</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Saved the report to {file}.</source>
        <translation>报告已保存到 {file}。</translation>
    </message>
</context>
<context>
    <name>PyramidBox</name>
    <message>
        <source>Pyramid</source>
        <translation>金字塔</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <source> of 30 days</source>
        <translation> 天（共 30 天）</translation>
    </message>
    <message>
        <source>A member promoted or demoted within the margin is not suggested for the opposite move, so nobody flaps between tiers.</source>
        <translation>在间隔期内晋升或降级的成员，不会被建议做反向调整，避免在层级之间来回变动。</translation>
    </message>
    <message>
        <source>From chat history, for members of groups whose chat was imported: a member who spoke on enough of the last 30 days (and has no strike) is suggested for the helpers; a helper silent in the chat that long, for demotion. 0: off.</source>
        <translation>根据聊天记录，仅适用于已导入聊天记录的群的成员：最近 30 天发言天数足够（且没有违规）的成员会被建议晋升为骨干；在群聊中沉默这么久的骨干会被建议降级。0 表示关闭。</translation>
    </message>
    <message>
        <source>No opposite move for (after a tier change):</source>
        <translation>层级变动后多久内不做反向调整：</translation>
    </message>
    <message>
        <source>Suggest demotion after this many check-in cadences:</source>
        <translation>超过几个沟通周期未联系时建议降级：</translation>
    </message>
    <message>
        <source>Suggest promotion when they spoke on:</source>
        <translation>发言天数达到即建议晋升：</translation>
    </message>
    <message>
        <source>Suggest demotion when silent in the chat for:</source>
        <translation>群聊中沉默达到即建议降级：</translation>
    </message>
    <message>
        <source>Save pyramid settings</source>
        <translation>保存金字塔设置</translation>
    </message>
    <message>
        <source>off</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
</context>
<context>
    <name>PyramidPanel</name>
    <message>
        <source>Member pyramid</source>
        <translation>成员金字塔</translation>
    </message>
    <message>
        <source>Helper care</source>
        <translation>骨干关照</translation>
    </message>
    <message>
        <source>Promote</source>
        <translation>晋升</translation>
    </message>
    <message>
        <source>Demote</source>
        <translation>降级</translation>
    </message>
    <message>
        <source>Tiers</source>
        <translation>层级</translation>
    </message>
    <message>
        <source>Pyramid of:</source>
        <translation>金字塔范围：</translation>
    </message>
    <message>
        <source>Tier changes</source>
        <translation>层级变动</translation>
    </message>
    <message>
        <source>▲ Up</source>
        <translation>▲ 晋升</translation>
    </message>
    <message>
        <source>Members who moved up to a higher tier</source>
        <translation>升到更高层级的成员</translation>
    </message>
    <message>
        <source>● Held</source>
        <translation>● 不变</translation>
    </message>
    <message>
        <source>Members whose tier did not change</source>
        <translation>层级没有变化的成员</translation>
    </message>
    <message>
        <source>▼ Down</source>
        <translation>▼ 降级</translation>
    </message>
    <message>
        <source>Members who moved down to a lower tier</source>
        <translation>降到更低层级的成员</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>本月</translation>
    </message>
    <message>
        <source>Last month</source>
        <translation>上月</translation>
    </message>
    <message>
        <source>Pyramid</source>
        <translation>金字塔</translation>
    </message>
    <message>
        <source>All groups</source>
        <translation>所有群组</translation>
    </message>
    <message numerus="yes">
        <source>%Ln active member(s)</source>
        <translation>
            <numerusform>%Ln 名在群成员</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>查找范围(&amp;L)：</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>文件类型(&amp;T)：</translation>
    </message>
</context>
<context>
    <name>QueuePanel</name>
    <message>
        <source>All kinds</source>
        <translation>所有类型</translation>
    </message>
    <message>
        <source>Any member</source>
        <translation>任意成员</translation>
    </message>
    <message>
        <source>New task…</source>
        <translation>新建任务…</translation>
    </message>
    <message>
        <source>Plan an interaction (Ctrl+N)</source>
        <translation>安排一次互动（Ctrl+N）</translation>
    </message>
    <message>
        <source>Complete…</source>
        <translation>完成…</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>跳过</translation>
    </message>
    <message>
        <source>Snooze</source>
        <translation>推迟</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Open group</source>
        <translation>打开群组</translation>
    </message>
    <message>
        <source>Open member</source>
        <translation>打开成员</translation>
    </message>
    <message>
        <source>Group:</source>
        <translation>群组：</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>类型：</translation>
    </message>
    <message>
        <source>Member:</source>
        <translation>成员：</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>待办</translation>
    </message>
    <message>
        <source>Snooze until</source>
        <translation>推迟到</translation>
    </message>
    <message>
        <source>All groups</source>
        <translation>所有群组</translation>
    </message>
    <message>
        <source>Open violations</source>
        <translation>打开违规记录</translation>
    </message>
    <message>
        <source>Skipped.</source>
        <translation>已跳过。</translation>
    </message>
    <message>
        <source>Snoozed until {time}.</source>
        <translation>已推迟到 {time}。</translation>
    </message>
    <message>
        <source>Not due until {due} yet: snoozed from then until {time}.</source>
        <translation>要到 {due} 才到期：已从那时起推迟到 {time}。</translation>
    </message>
    <message>
        <source>Completed; the interaction is logged.</source>
        <translation>已完成，互动已记录。</translation>
    </message>
</context>
<context>
    <name>QuietBox</name>
    <message>
        <source>Went quiet: worth a message</source>
        <translation>沉默下来的人：值得发个消息</translation>
    </message>
    <message numerus="yes">
        <source>{group} · %n message(s) before, last {day}</source>
        <translation>
            <numerusform>{group} · 之前发过 %n 条消息，最后一次 {day}</numerusform>
        </translation>
    </message>
    <message>
        <source>Reach out</source>
        <translation>联系一下</translation>
    </message>
    <message>
        <source>Queue “Reach out to {name}” for the working hour</source>
        <translation>在工作时间加入“联系 {name}”任务</translation>
    </message>
    <message>
        <source>Reach out to {name}: queued for {when}</source>
        <translation>联系 {name}：已排在 {when}</translation>
    </message>
</context>
<context>
    <name>ReachOutDialog</name>
    <message>
        <source>Reach out in {group}</source>
        <translation>联系{group}中沉默下来的人</translation>
    </message>
    <message numerus="yes">
        <source>{name} — %n message(s) before, last {day}</source>
        <translation>
            <numerusform>{name} — 之前发过 %n 条消息，最后一次 {day}</numerusform>
        </translation>
    </message>
    <message>
        <source>They talked in the 90 days before the last 30 and not since; the most active first. A task each; whoever has one open keeps it.</source>
        <translation>他们在最近 30 天之前的 90 天里发过言，此后再没说话；最活跃的排在前面。每人一项任务；已有未完成任务的人保留原任务。</translation>
    </message>
    <message>
        <source>Went quiet:</source>
        <translation>沉默下来的人：</translation>
    </message>
    <message>
        <source>When:</source>
        <translation>时间：</translation>
    </message>
    <message>
        <source>Add to the queue</source>
        <translation>加入待办</translation>
    </message>
    <message numerus="yes">
        <source>%n reach-out task(s) queued</source>
        <translation>
            <numerusform>已加入 %n 项联系任务</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> (%n already queued)</source>
        <translation>
            <numerusform>（%n 项已在待办中）</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReminderService</name>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message numerus="yes">
        <source>%n task(s) due —</source>
        <translation>
            <numerusform>%n 项待办到期 —</numerusform>
        </translation>
    </message>
    <message>
        <source>Open the Queue</source>
        <translation>打开待办</translation>
    </message>
    <message>
        <source>Due now: {title}</source>
        <translation>现在到期：{title}</translation>
    </message>
    <message numerus="yes">
        <source>%n task(s) due</source>
        <translation>
            <numerusform>%n 项待办到期</numerusform>
        </translation>
    </message>
    <message>
        <source>Huoqun reminder</source>
        <translation>活群提醒</translation>
    </message>
</context>
<context>
    <name>RemoveTierDialog</name>
    <message>
        <source>Remove tier: {name}</source>
        <translation>删除层级：{name}</translation>
    </message>
    <message numerus="yes">
        <source>%Ln active member(s) in “{name}”. Choose the tier they move to; the tier is then removed.</source>
        <translation>
            <numerusform>“{name}”中有 %Ln 名活跃成员。请选择他们要移到的层级，之后删除该层级。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln active member(s) in “{name}”, plus {more} no longer active (left, removed or banned). Choose the tier they all move to; the tier is then removed.</source>
        <translation>
            <numerusform>“{name}”中有 %Ln 名活跃成员，另有 {more} 名已不活跃（已退群、移出或封禁）。请选择他们全部要移到的层级，之后删除该层级。</numerusform>
        </translation>
    </message>
    <message>
        <source>Move them to:</source>
        <translation>移到：</translation>
    </message>
    <message>
        <source>Remove the tier “{name}”? Nobody is in it.</source>
        <translation>删除层级“{name}”？其中没有成员。</translation>
    </message>
    <message>
        <source>Remove tier</source>
        <translation>删除层级</translation>
    </message>
    <message>
        <source>The tier “{name}” was removed</source>
        <translation>层级“{name}”已删除</translation>
    </message>
</context>
<context>
    <name>ResultPage</name>
    <message>
        <source>Imported</source>
        <translation>已导入</translation>
    </message>
    <message numerus="yes">
        <source>%n chat(s) imported. The groups and members panels show them now.</source>
        <translation>
            <numerusform>已导入 %n 个聊天。群和成员面板现在会显示它们。</numerusform>
        </translation>
    </message>
    <message>
        <source>“{chat}” → new group “{group}” (created).</source>
        <translation>“{chat}” → 新群“{group}”（已新建）。</translation>
    </message>
    <message>
        <source>“{chat}” → group “{group}”.</source>
        <translation>“{chat}” → 群“{group}”。</translation>
    </message>
    <message>
        <source>Messages: {new} new, {known} already there.</source>
        <translation>消息：新 {new} 条，已有 {known} 条。</translation>
    </message>
    <message>
        <source>Senders: {matched} matched, {new} new members, {ambiguous} ambiguous; your own messages: {mine}.</source>
        <translation>发言人：{matched} 人已匹配，{new} 人为新成员，{ambiguous} 人有歧义；您自己的消息：{mine} 条。</translation>
    </message>
    <message>
        <source>Joins: {joins}. Leaves: {leaves}. Ad-like messages: {ads}.</source>
        <translation>入群：{joins} 次。退群：{leaves} 次。疑似广告：{ads} 条。</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>{new} new, {updated} updated, {unchanged} unchanged, {left} marked left, {invalid} invalid rows skipped.</source>
        <translation>新增 {new}，更新 {updated}，未变 {unchanged}，标记退群 {left}，跳过无效行 {invalid}。</translation>
    </message>
</context>
<context>
    <name>RolesTab</name>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>成员</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>分工</translation>
    </message>
    <message>
        <source>Choose a member: type part of a name and pick one.</source>
        <translation>请选择成员：输入部分名字后挑选。</translation>
    </message>
</context>
<context>
    <name>RosterChangesView</name>
    <message>
        <source>Joined</source>
        <translation>新加入</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>离开</translation>
    </message>
    <message>
        <source>Came back</source>
        <translation>回归</translation>
    </message>
    <message>
        <source>Went quiet</source>
        <translation>沉寂</translation>
    </message>
    <message>
        <source>in this roster, not in the last one</source>
        <translation>在这份名单里，不在上一份里</translation>
    </message>
    <message>
        <source>in the last roster, not in this one</source>
        <translation>在上一份名单里，不在这一份里</translation>
    </message>
    <message>
        <source>listed again after they had left</source>
        <translation>离开后又出现在名单里</translation>
    </message>
    <message>
        <source>at least 10 messages in the 90 days before the last 30 days, none since</source>
        <translation>最近 30 天之前的 90 天里发言至少 10 条，最近 30 天没有发言</translation>
    </message>
    <message>
        <source>First roster of this group: there is nothing to compare it with yet.</source>
        <translation>这是该群的第一份名单：还没有可以比较的名单。</translation>
    </message>
    <message>
        <source>Compared with the roster imported {date}, this one would bring:</source>
        <translation>与 {date} 导入的名单相比，这份名单将带来：</translation>
    </message>
    <message>
        <source>Since the roster imported {date}:</source>
        <translation>自 {date} 导入的名单以来：</translation>
    </message>
    <message>
        <source>{title}: {count}</source>
        <translation>{title}：{count}</translation>
    </message>
    <message>
        <source>no chat history imported for this group</source>
        <translation>这个群还没有导入聊天记录</translation>
    </message>
    <message numerus="yes">
        <source>{title}: %n member(s), {explanation}. Double-click one to open their page.</source>
        <translation>
            <numerusform>{title}：%n 人，{explanation}。双击可打开成员页面。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RsvpsTab</name>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Group nickname</source>
        <translation>群名片</translation>
    </message>
    <message>
        <source>RSVP</source>
        <translation>报名</translation>
    </message>
    <message>
        <source>Waitlist</source>
        <translation>候补</translation>
    </message>
    <message>
        <source>Attended</source>
        <translation>出席</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>All going attended</source>
        <translation>参加者全部出席</translation>
    </message>
    <message>
        <source>Mark everyone who said they were going as attended</source>
        <translation>把所有报名参加的人标记为已出席</translation>
    </message>
    <message>
        <source>Attendance can be checked once it has begun</source>
        <translation>活动开始后才能登记出席</translation>
    </message>
    <message numerus="yes">
        <source>%n going</source>
        <translation>
            <numerusform>%n 人参加</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n waiting</source>
        <translation>
            <numerusform>%n 人候补</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose a member: type part of a name and pick one.</source>
        <translation>请选择成员：输入部分名字后挑选。</translation>
    </message>
    <message>
        <source>The meetup is full: added to the waitlist.</source>
        <translation>活动已满：已加入候补。</translation>
    </message>
    <message>
        <source>{name} moved up from the waitlist.</source>
        <translation>{name} 已从候补转为参加。</translation>
    </message>
    <message numerus="yes">
        <source>Marked %n member(s) attended.</source>
        <translation>
            <numerusform>已将 %n 名成员标记为出席。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RuleDialog</name>
    <message>
        <source>e.g. No advertising</source>
        <translation>例如：禁止广告</translation>
    </message>
    <message>
        <source>What the rule asks of members, as it should read in the announcement</source>
        <translation>这条规则对成员的要求，按群公告里的写法填写</translation>
    </message>
    <message>
        <source>How many strikes one violation of this rule counts on the ladder</source>
        <translation>违反一次这条规则在处罚阶梯上计几次</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>标题(&amp;T)：</translation>
    </message>
    <message>
        <source>Te&amp;xt:</source>
        <translation>正文(&amp;X)：</translation>
    </message>
    <message>
        <source>&amp;Severity:</source>
        <translation>严重程度(&amp;S)：</translation>
    </message>
    <message>
        <source>Strike &amp;points:</source>
        <translation>违规分(&amp;P)：</translation>
    </message>
    <message>
        <source>New rule</source>
        <translation>新建规则</translation>
    </message>
    <message>
        <source>Add to library</source>
        <translation>加入规则库</translation>
    </message>
    <message>
        <source>Edit rule</source>
        <translation>编辑规则</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message numerus="yes">
        <source>Adopted in %n group(s): the change shows in each.</source>
        <translation>
            <numerusform>已被 %n 个群采用：修改会体现在每个群中。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RuleGroupsDialog</name>
    <message>
        <source>Groups following “{rule}”</source>
        <translation>遵守“{rule}”的群</translation>
    </message>
    <message>
        <source>Tick every group that follows this rule. A newly ticked group gets it last.</source>
        <translation>勾选所有遵守这条规则的群。新勾选的群会把它排在最后。</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
</context>
<context>
    <name>RuleLibraryView</name>
    <message>
        <source>Rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>正文</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>严重程度</translation>
    </message>
    <message>
        <source>Strike points</source>
        <translation>违规分</translation>
    </message>
    <message>
        <source>Adopted in</source>
        <translation>采用的群</translation>
    </message>
    <message>
        <source>Violations</source>
        <translation>违规</translation>
    </message>
    <message>
        <source>Show retired rules</source>
        <translation>显示已停用规则</translation>
    </message>
    <message>
        <source>New…</source>
        <translation>新建…</translation>
    </message>
    <message>
        <source>Add a rule to the library (Ctrl+N)</source>
        <translation>向规则库添加规则（Ctrl+N）</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Groups…</source>
        <translation>群组…</translation>
    </message>
    <message>
        <source>Choose the groups that follow this rule</source>
        <translation>选择遵守这条规则的群</translation>
    </message>
    <message>
        <source>Retire</source>
        <translation>停用</translation>
    </message>
    <message>
        <source>Take the rule out of use; its violations stay on record</source>
        <translation>停用这条规则；其违规记录仍保留</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Export as Markdown…</source>
        <translation>导出为 Markdown…</translation>
    </message>
    <message>
        <source>Write the whole library to a Markdown file, in the interface language</source>
        <translation>按界面语言把整个规则库写入 Markdown 文件</translation>
    </message>
    <message numerus="yes">
        <source>%n rule(s) in use</source>
        <translation>
            <numerusform>%n 条规则在用</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n retired</source>
        <translation>
            <numerusform>%n 条已停用</numerusform>
        </translation>
    </message>
    <message>
        <source>{title} (retired)</source>
        <translation>{title}（已停用）</translation>
    </message>
    <message numerus="yes">
        <source>%n group(s)</source>
        <translation>
            <numerusform>%n 个群</numerusform>
        </translation>
    </message>
    <message>
        <source>Retired “{title}”; its violations stay on record.</source>
        <translation>已停用“{title}”；其违规记录仍保留。</translation>
    </message>
    <message>
        <source>Exported the library to {file}.</source>
        <translation>规则库已导出到 {file}。</translation>
    </message>
</context>
<context>
    <name>RulesPanel</name>
    <message>
        <source>Library</source>
        <translation>规则库</translation>
    </message>
    <message>
        <source>Group rules</source>
        <translation>各群群规</translation>
    </message>
    <message>
        <source>Violations</source>
        <translation>违规记录</translation>
    </message>
    <message>
        <source>Ban list</source>
        <translation>封禁名单</translation>
    </message>
    <message>
        <source>Strike policy</source>
        <translation>处罚规则</translation>
    </message>
    <message>
        <source>Rules</source>
        <translation>群规</translation>
    </message>
    <message>
        <source>Export the rule library</source>
        <translation>导出规则库</translation>
    </message>
    <message>
        <source>rules.md</source>
        <translation>群规.md</translation>
    </message>
    <message>
        <source>Markdown (*.md)</source>
        <translation>Markdown (*.md)</translation>
    </message>
</context>
<context>
    <name>SetStatusDialog</name>
    <message>
        <source>Set status</source>
        <translation>设置状态</translation>
    </message>
    <message numerus="yes">
        <source>Set the status of %n member(s).</source>
        <translation>
            <numerusform>设置 %n 名成员的状态。</numerusform>
        </translation>
    </message>
    <message>
        <source>Why (optional), e.g. posted ads twice</source>
        <translation>原因（可选），例如两次发广告</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>状态：</translation>
    </message>
    <message>
        <source>All their groups</source>
        <translation>其所在的全部群</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>从群：</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>原因：</translation>
    </message>
    <message>
        <source>A ban needs a reason; so does lifting one.</source>
        <translation>封禁需要原因；解除封禁也需要。</translation>
    </message>
    <message>
        <source>Remove {member} from {group}</source>
        <translation>将 {member} 移出 {group}</translation>
    </message>
    <message numerus="yes">
        <source>Set %n member(s) to “{status}”.</source>
        <translation>
            <numerusform>已将 %n 名成员设为“{status}”。</numerusform>
        </translation>
    </message>
    <message>
        <source>all their groups</source>
        <translation>其所在的全部群</translation>
    </message>
    <message numerus="yes">
        <source>Marked %n member(s) “{status}” in {groups}.</source>
        <translation>
            <numerusform>已将 %n 名成员在{groups}标记为“{status}”。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SetTierDialog</name>
    <message>
        <source>Set tier</source>
        <translation>设置层级</translation>
    </message>
    <message numerus="yes">
        <source>Move %n member(s) to a tier. Each change is kept in the member&apos;s tier history.</source>
        <translation>
            <numerusform>将 %n 名成员移到某个层级。每次变动都会记入成员的层级变动。</numerusform>
        </translation>
    </message>
    <message>
        <source>Why (optional), e.g. ran the spring meetup</source>
        <translation>原因（可选），例如组织了春季聚会</translation>
    </message>
    <message>
        <source>Tier:</source>
        <translation>层级：</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>原因：</translation>
    </message>
    <message numerus="yes">
        <source>Moved %n member(s) to “{tier}”.</source>
        <translation>
            <numerusform>已将 %n 名成员移到“{tier}”。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Moved %n member(s) to “{tier}”; {already} already there.</source>
        <translation>
            <numerusform>已将 %n 名成员移到“{tier}”；{already} 名原本就在。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SettingsPanel</name>
    <message>
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Interface language</source>
        <translation>界面语言</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <source>Database file</source>
        <translation>数据库文件</translation>
    </message>
    <message>
        <source>Data folder</source>
        <translation>数据文件夹</translation>
    </message>
    <message>
        <source>Export everything as JSON…</source>
        <translation>全部导出为 JSON…</translation>
    </message>
    <message>
        <source>Every record in one JSON file, for another tool or for safekeeping</source>
        <translation>所有记录存为一个 JSON 文件，供其他工具使用或留存</translation>
    </message>
    <message>
        <source>About Huoqun…</source>
        <translation>关于活群…</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Export everything as JSON</source>
        <translation>全部导出为 JSON</translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation>JSON 文件 (*.json)</translation>
    </message>
    <message>
        <source>Exporting everything…</source>
        <translation>正在全部导出…</translation>
    </message>
    <message numerus="yes">
        <source>Wrote %n record(s) to {file}.</source>
        <translation>
            <numerusform>已将 %n 条记录写入 {file}。</numerusform>
        </translation>
    </message>
    <message>
        <source>The new language applies when Huoqun starts again.</source>
        <translation>新语言将在下次启动活群时生效。</translation>
    </message>
</context>
<context>
    <name>SoulDialog</name>
    <message>
        <source>Soul figures of {group}</source>
        <translation>{group}的灵魂人物</translation>
    </message>
    <message>
        <source>They keep the group talking without you. Mark them as stars, or invite them to the helpers&apos; tier (the reason is written with the promotion).</source>
        <translation>即使你不在，他们也能让群里聊起来。可以把他们设为明星，或邀请进入骨干层级（晋升时会记下原因）。</translation>
    </message>
    <message>
        <source>{name}: {messages} messages on {days} days ({share} %)</source>
        <translation>{name}：{days} 天里发了 {messages} 条消息（占 {share}%）</translation>
    </message>
    <message>
        <source>Mark as star</source>
        <translation>设为明星</translation>
    </message>
    <message>
        <source>Invite to helpers</source>
        <translation>邀请成为骨干</translation>
    </message>
    <message>
        <source>Already a helper or above</source>
        <translation>已是骨干或更高层级</translation>
    </message>
    <message>
        <source>{name} is a star</source>
        <translation>{name} 已设为明星</translation>
    </message>
    <message>
        <source>{name} moved to {tier}</source>
        <translation>{name} 已移到“{tier}”</translation>
    </message>
</context>
<context>
    <name>SpanBox</name>
    <message>
        <source>Members per helper</source>
        <translation>每名骨干负责的成员数</translation>
    </message>
    <message>
        <source> per helper</source>
        <translation> 人/骨干</translation>
    </message>
    <message>
        <source>One helper can look after about this many members; groups above are flagged</source>
        <translation>一名骨干大约能照顾这么多成员；超过的群会被标出</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>群组</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>成员数</translation>
    </message>
    <message>
        <source>Helpers</source>
        <translation>骨干</translation>
    </message>
    <message>
        <source>Per helper</source>
        <translation>人均</translation>
    </message>
    <message>
        <source>Target:</source>
        <translation>目标：</translation>
    </message>
    <message>
        <source>No groups yet.</source>
        <translation>还没有群组。</translation>
    </message>
    <message numerus="yes">
        <source>%n group(s) over the target</source>
        <translation>
            <numerusform>%n 个群超过目标</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n without a helper</source>
        <translation>
            <numerusform>%n 个群没有骨干</numerusform>
        </translation>
    </message>
    <message>
        <source>Every group is within the target.</source>
        <translation>所有群都在目标以内。</translation>
    </message>
    <message>
        <source>no helper</source>
        <translation>无骨干</translation>
    </message>
    <message numerus="yes">
        <source>No helper in a group of %n member(s)</source>
        <translation>
            <numerusform>%n 人的群中没有骨干</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Over the target of %n member(s) per helper</source>
        <translation>
            <numerusform>超过每名骨干 %n 人的目标</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StrikePolicyEditor</name>
    <message>
        <source>Each violation adds its rule&apos;s strike points to the member&apos;s count. When logging a violation, Huoqun suggests the action of the highest step the new count reaches. Strikes expire, so old mistakes stop counting.</source>
        <translation>每次违规都会把该规则的违规分计入成员的违规次数。记录违规时，活群会按新次数达到的最高一级给出建议处理方式。违规会过期，旧的过错不再计数。</translation>
    </message>
    <message>
        <source>Escalation ladder</source>
        <translation>处罚阶梯</translation>
    </message>
    <message>
        <source>At strike</source>
        <translation>违规次数</translation>
    </message>
    <message>
        <source>Suggested action</source>
        <translation>建议处理</translation>
    </message>
    <message>
        <source>Add step</source>
        <translation>添加一级</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <source>A violation stops counting as a strike after this</source>
        <translation>超过这么多天，违规就不再计数</translation>
    </message>
    <message>
        <source>Strikes expire after:</source>
        <translation>违规有效期：</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <source>Revert</source>
        <translation>还原</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
</context>
<context>
    <name>SubgroupsTab</name>
    <message>
        <source>Sub-groups are groups pulled out of this one, such as a core group of helpers who help run it. Click one to open it.</source>
        <translation>子群是从本群中拉出来的群，例如协助管理本群的骨干核心群。点击即可打开。</translation>
    </message>
    <message>
        <source>This group has no sub-groups yet.</source>
        <translation>本群还没有子群。</translation>
    </message>
    <message>
        <source>New sub-group…</source>
        <translation>新建子群…</translation>
    </message>
    <message numerus="yes">
        <source>Sub-groups (%n)</source>
        <translation>
            <numerusform>子群（%n）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln member(s)</source>
        <translation>
            <numerusform>%Ln 名成员</numerusform>
        </translation>
    </message>
    <message>
        <source>{name} (archived)</source>
        <translation>{name}（已归档）</translation>
    </message>
</context>
<context>
    <name>TagDialog</name>
    <message>
        <source>Tag members</source>
        <translation>给成员打标签</translation>
    </message>
    <message numerus="yes">
        <source>Change the tags of %n member(s).</source>
        <translation>
            <numerusform>更改 %n 名成员的标签。</numerusform>
        </translation>
    </message>
    <message>
        <source>Add the tag</source>
        <translation>添加标签</translation>
    </message>
    <message>
        <source>Remove the tag</source>
        <translation>移除标签</translation>
    </message>
    <message>
        <source>Type a new tag or pick one</source>
        <translation>输入新标签或选择已有标签</translation>
    </message>
    <message>
        <source>Action:</source>
        <translation>操作：</translation>
    </message>
    <message>
        <source>Tag:</source>
        <translation>标签：</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>应用</translation>
    </message>
    <message numerus="yes">
        <source>Removed the tag “{tag}” from %n member(s).</source>
        <translation>
            <numerusform>已从 %n 名成员移除标签“{tag}”。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Tagged %n member(s) “{tag}”.</source>
        <translation>
            <numerusform>已给 %n 名成员打上标签“{tag}”。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TaskDialog</name>
    <message>
        <source>e.g. Friday evening topic: weekend photos</source>
        <translation>例如：周五晚话题：周末随手拍</translation>
    </message>
    <message>
        <source>(no group)</source>
        <translation>（不关联群）</translation>
    </message>
    <message>
        <source>Does not repeat</source>
        <translation>不重复</translation>
    </message>
    <message>
        <source>Every day</source>
        <translation>每天</translation>
    </message>
    <message>
        <source>Every week</source>
        <translation>每周</translation>
    </message>
    <message>
        <source>Every two weeks</source>
        <translation>每两周</translation>
    </message>
    <message>
        <source>Every month</source>
        <translation>每月</translation>
    </message>
    <message>
        <source>Custom rule (RRULE)</source>
        <translation>自定义规则（RRULE）</translation>
    </message>
    <message>
        <source>Mon</source>
        <translation>周一</translation>
    </message>
    <message>
        <source>Tue</source>
        <translation>周二</translation>
    </message>
    <message>
        <source>Wed</source>
        <translation>周三</translation>
    </message>
    <message>
        <source>Thu</source>
        <translation>周四</translation>
    </message>
    <message>
        <source>Fri</source>
        <translation>周五</translation>
    </message>
    <message>
        <source>Sat</source>
        <translation>周六</translation>
    </message>
    <message>
        <source>Sun</source>
        <translation>周日</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>标题(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>类型(&amp;K)：</translation>
    </message>
    <message>
        <source>&amp;Group:</source>
        <translation>群组(&amp;G)：</translation>
    </message>
    <message>
        <source>&amp;Member:</source>
        <translation>成员(&amp;M)：</translation>
    </message>
    <message>
        <source>&amp;Due:</source>
        <translation>到期(&amp;D)：</translation>
    </message>
    <message>
        <source>&amp;Repeat:</source>
        <translation>重复(&amp;R)：</translation>
    </message>
    <message>
        <source>On:</source>
        <translation>在：</translation>
    </message>
    <message>
        <source>Day of month:</source>
        <translation>每月几号：</translation>
    </message>
    <message>
        <source>Rule:</source>
        <translation>规则：</translation>
    </message>
    <message>
        <source>&amp;Priority:</source>
        <translation>优先级(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Notes:</source>
        <translation>备注(&amp;N)：</translation>
    </message>
    <message>
        <source>New task</source>
        <translation>新建任务</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>创建</translation>
    </message>
    <message>
        <source>Edit task</source>
        <translation>编辑任务</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Once, at the due time.</source>
        <translation>只在到期时提醒一次。</translation>
    </message>
    <message>
        <source>Created the task.</source>
        <translation>已创建任务。</translation>
    </message>
    <message>
        <source>Saved the task.</source>
        <translation>已保存任务。</translation>
    </message>
</context>
<context>
    <name>TaskSections</name>
    <message>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Group / member</source>
        <translation>群组 / 成员</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>到期</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message numerus="yes">
        <source>Overdue (%n)</source>
        <translation>
            <numerusform>逾期（%n）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Today (%n)</source>
        <translation>
            <numerusform>今天（%n）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>This week (%n)</source>
        <translation>
            <numerusform>本周（%n）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Later (%n)</source>
        <translation>
            <numerusform>以后（%n）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Done recently (%n)</source>
        <translation>
            <numerusform>最近完成（%n）</numerusform>
        </translation>
    </message>
    <message>
        <source>Outcome: {outcome}</source>
        <translation>结果：{outcome}</translation>
    </message>
    <message>
        <source>Complete…</source>
        <translation>完成…</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>跳过</translation>
    </message>
    <message>
        <source>Snooze</source>
        <translation>推迟</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Open group</source>
        <translation>打开群组</translation>
    </message>
    <message>
        <source>Open member</source>
        <translation>打开成员</translation>
    </message>
    <message>
        <source>For 1 hour</source>
        <translation>推迟 1 小时</translation>
    </message>
    <message>
        <source>Until tomorrow morning</source>
        <translation>推迟到明天早上</translation>
    </message>
    <message>
        <source>Until next week</source>
        <translation>推迟到下周</translation>
    </message>
    <message>
        <source>Choose a time…</source>
        <translation>选择时间…</translation>
    </message>
</context>
<context>
    <name>ThresholdsBox</name>
    <message>
        <source>Group health</source>
        <translation>群健康</translation>
    </message>
    <message>
        <source>Default interaction cadence (days):</source>
        <translation>默认互动周期（天）：</translation>
    </message>
    <message>
        <source>Silent after this many cadences:</source>
        <translation>超过几个周期算沉寂：</translation>
    </message>
    <message>
        <source>Members per helper, at most:</source>
        <translation>每名骨干最多负责人数：</translation>
    </message>
    <message>
        <source>Members before a group needs a helper:</source>
        <translation>群人数超过多少需要骨干：</translation>
    </message>
    <message>
        <source>Helper neglected after (days):</source>
        <translation>多少天未联系算冷落骨干：</translation>
    </message>
    <message>
        <source>Violation left open too long after (days):</source>
        <translation>违规多少天未处理算拖延：</translation>
    </message>
    <message>
        <source>A meetup at least every (days):</source>
        <translation>至少每隔多少天一次线下活动：</translation>
    </message>
    <message>
        <source>Mostly silent above this share of members:</source>
        <translation>沉默成员超过此比例算大多沉默：</translation>
    </message>
    <message>
        <source>A member is silent after (days):</source>
        <translation>成员多少天未发言算沉默：</translation>
    </message>
    <message>
        <source>Save thresholds</source>
        <translation>保存阈值</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
</context>
<context>
    <name>TierDialog</name>
    <message>
        <source>e.g. Helpers</source>
        <translation>例如：骨干</translation>
    </message>
    <message>
        <source>Who belongs here, in a few words</source>
        <translation>简单描述哪些人属于这一层</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>Check in with them every</source>
        <translation>联系周期：每</translation>
    </message>
    <message>
        <source>Members of a tier with a check-in cadence appear in the helper care list</source>
        <translation>设有联系周期的层级，其成员会出现在骨干关照列表中</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <source>Description:</source>
        <translation>说明：</translation>
    </message>
    <message>
        <source>Colour:</source>
        <translation>颜色：</translation>
    </message>
    <message>
        <source>Check-ins:</source>
        <translation>联系：</translation>
    </message>
    <message>
        <source>Add a tier</source>
        <translation>添加层级</translation>
    </message>
    <message>
        <source>The new tier goes to the bottom; move it up afterwards.</source>
        <translation>新层级会放在最底层，之后可以上移。</translation>
    </message>
    <message>
        <source>Add tier</source>
        <translation>添加层级</translation>
    </message>
    <message>
        <source>Edit tier: {name}</source>
        <translation>编辑层级：{name}</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Tier colour</source>
        <translation>层级颜色</translation>
    </message>
</context>
<context>
    <name>TierHistoryTab</name>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>From</source>
        <translation>原层级</translation>
    </message>
    <message>
        <source>To</source>
        <translation>新层级</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>The tier has not changed since this member was first seen.</source>
        <translation>自首次记录以来，该成员的层级没有变化。</translation>
    </message>
    <message numerus="yes">
        <source>Tier history (%n)</source>
        <translation>
            <numerusform>层级变动（%n）</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TierMoveDialog</name>
    <message>
        <source>Promote {name}</source>
        <translation>晋升 {name}</translation>
    </message>
    <message>
        <source>Demote {name}</source>
        <translation>降级 {name}</translation>
    </message>
    <message>
        <source>Why (optional)</source>
        <translation>原因（可选）</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>原层级：</translation>
    </message>
    <message>
        <source>To:</source>
        <translation>新层级：</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>原因：</translation>
    </message>
    <message>
        <source>One tier up by default; pick another tier if you mean it.</source>
        <translation>默认升一级；如确有需要，可以选择其他层级。</translation>
    </message>
    <message>
        <source>One tier down by default; pick another tier if you mean it.</source>
        <translation>默认降一级；如确有需要，可以选择其他层级。</translation>
    </message>
    <message>
        <source>Promote</source>
        <translation>晋升</translation>
    </message>
    <message>
        <source>Demote</source>
        <translation>降级</translation>
    </message>
    <message>
        <source>{name} moved from “{before}” to “{after}”.</source>
        <translation>{name} 已从“{before}”调到“{after}”。</translation>
    </message>
</context>
<context>
    <name>TiersEditor</name>
    <message>
        <source>Rank</source>
        <translation>级别</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Check in every</source>
        <translation>联系周期</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>成员数</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>添加…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>上移</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>下移</translation>
    </message>
    <message>
        <source>Remove…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <source>A pyramid needs at least three levels: you, your helpers and everyone else. Tiers with a check-in cadence are the helpers in the care list.</source>
        <translation>金字塔至少需要三层：你、你的骨干和其他所有人。设有联系周期的层级就是关照列表里的骨干。</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n 天</numerusform>
        </translation>
    </message>
    <message>
        <source>Active members; members who left or were removed are not counted</source>
        <translation>在群成员；已退群或已移出的成员不计入</translation>
    </message>
</context>
<context>
    <name>TodayPanel</name>
    <message>
        <source>Group</source>
        <translation>群组</translation>
    </message>
    <message>
        <source>Refresh the plan</source>
        <translation>刷新计划</translation>
    </message>
    <message>
        <source>Fill free places in today&apos;s plan with the tasks due and the top suggestions</source>
        <translation>用到期任务和最重要的建议填满今日计划的空位</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Every group is healthy.</source>
        <translation>所有群都很健康。</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Meetup</source>
        <translation>活动</translation>
    </message>
    <message>
        <source>Going</source>
        <translation>参加</translation>
    </message>
    <message>
        <source>No meetups planned.</source>
        <translation>没有计划中的线下活动。</translation>
    </message>
    <message>
        <source>Helper</source>
        <translation>骨干</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>层级</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>逾期</translation>
    </message>
    <message>
        <source>Last contacted</source>
        <translation>上次沟通</translation>
    </message>
    <message>
        <source>Every helper has been checked in with.</source>
        <translation>每位骨干都已沟通过。</translation>
    </message>
    <message>
        <source>Dismissed: {title}</source>
        <translation>已忽略：{title}</translation>
    </message>
    <message numerus="yes">
        <source>%n suggestion(s) added to today&apos;s plan</source>
        <translation>
            <numerusform>已向今日计划添加 %n 条建议</numerusform>
        </translation>
    </message>
    <message>
        <source>Groups that need you</source>
        <translation>需要你的群</translation>
    </message>
    <message>
        <source>Next meetups</source>
        <translation>即将举行的活动</translation>
    </message>
    <message>
        <source>Pyramid</source>
        <translation>金字塔</translation>
    </message>
    <message>
        <source>Helpers overdue for a check-in</source>
        <translation>逾期未沟通的骨干</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message numerus="yes">
        <source>%Ln member(s)</source>
        <translation>
            <numerusform>%Ln 名成员</numerusform>
        </translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>{groups} · {members} · {violations}</source>
        <translation>{groups} · {members} · {violations}</translation>
    </message>
    <message numerus="yes">
        <source>%n group(s)</source>
        <translation>
            <numerusform>%n 个群</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n open violation(s)</source>
        <translation>
            <numerusform>%n 条未处理违规</numerusform>
        </translation>
    </message>
    <message>
        <source>Completed; the interaction is logged.</source>
        <translation>已完成，互动已记录。</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n 天</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TopicDialog</name>
    <message>
        <source>Schedule a topic in {group}</source>
        <translation>在 {group} 安排话题</translation>
    </message>
    <message>
        <source>Topic:</source>
        <translation>话题：</translation>
    </message>
    <message>
        <source>When:</source>
        <translation>时间：</translation>
    </message>
    <message>
        <source>Add to the queue</source>
        <translation>加入待办</translation>
    </message>
    <message>
        <source>Topic queued for {when}</source>
        <translation>话题已加入待办：{when}</translation>
    </message>
    <message>
        <source>Moved to {when}</source>
        <translation>已改到 {when}</translation>
    </message>
</context>
<context>
    <name>UnbanDialog</name>
    <message>
        <source>Unban {name}</source>
        <translation>解封 {name}</translation>
    </message>
    <message>
        <source>{name} becomes an active member again. Their violations stay on record; the open tasks to remove them from groups are closed.</source>
        <translation>{name} 将恢复为正常成员。违规记录保留；把其移出各群的待办会关闭。</translation>
    </message>
    <message>
        <source>Why, e.g. apologised and asked to return</source>
        <translation>原因，例如已道歉并请求回归</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>原因(&amp;R)：</translation>
    </message>
    <message>
        <source>Unban</source>
        <translation>解封</translation>
    </message>
    <message>
        <source>{name} is no longer banned.</source>
        <translation>{name} 已解封。</translation>
    </message>
    <message numerus="yes">
        <source>%n removal task(s) closed in the queue.</source>
        <translation>
            <numerusform>已关闭待办中的 %n 个移出任务。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>UndoSteps</name>
    <message>
        <source>&amp;Undo: {step}</source>
        <translation>撤销(&amp;U)：{step}</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo: {step}</source>
        <translation>重做(&amp;R)：{step}</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>Undone: {step}</source>
        <translation>已撤销：{step}</translation>
    </message>
    <message>
        <source>Redone: {step}</source>
        <translation>已重做：{step}</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message numerus="yes">
        <source>add %n member(s) to {group}</source>
        <translation>
            <numerusform>将 %n 名成员加入 {group}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>set status of %n member(s)</source>
        <translation>
            <numerusform>设置 %n 名成员的状态</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>tag %n member(s)</source>
        <translation>
            <numerusform>给 %n 名成员加标签</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>remove a tag from %n member(s)</source>
        <translation>
            <numerusform>移除 %n 名成员的标签</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>change the star of %n member(s)</source>
        <translation>
            <numerusform>更改 %n 名成员的星标</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>change the tier of %n member(s)</source>
        <translation>
            <numerusform>更改 %n 名成员的层级</numerusform>
        </translation>
    </message>
    <message>
        <source>edit {member}</source>
        <translation>编辑 {member}</translation>
    </message>
    <message>
        <source>promote {member}</source>
        <translation>晋升 {member}</translation>
    </message>
    <message>
        <source>demote {member}</source>
        <translation>降级 {member}</translation>
    </message>
    <message>
        <source>merge into {member}</source>
        <translation>合并到 {member}</translation>
    </message>
    <message>
        <source>{member} left {group}</source>
        <translation>{member} 退出 {group}</translation>
    </message>
    <message>
        <source>change where {member} stands in {group}</source>
        <translation>更改 {member} 在 {group} 的状态</translation>
    </message>
    <message>
        <source>complete task “{task}”</source>
        <translation>完成待办“{task}”</translation>
    </message>
    <message>
        <source>skip task “{task}”</source>
        <translation>跳过待办“{task}”</translation>
    </message>
    <message>
        <source>snooze task “{task}”</source>
        <translation>推迟待办“{task}”</translation>
    </message>
    <message>
        <source>edit violation #{case}</source>
        <translation>修改违规记录 #{case}</translation>
    </message>
    <message numerus="yes">
        <source>mark %n violation(s) handled</source>
        <translation>
            <numerusform>标记 %n 条违规已处理</numerusform>
        </translation>
    </message>
    <message>
        <source>mark {member} removed from {group}</source>
        <translation>标记 {member} 已移出 {group}</translation>
    </message>
    <message>
        <source>change the RSVP of {member} to “{meetup}”</source>
        <translation>更改 {member} 对“{meetup}”的报名</translation>
    </message>
    <message>
        <source>remove the RSVP of {member} to “{meetup}”</source>
        <translation>删除 {member} 对“{meetup}”的报名</translation>
    </message>
    <message>
        <source>check the attendance of {member} at “{meetup}”</source>
        <translation>登记 {member} 在“{meetup}”的出席</translation>
    </message>
    <message>
        <source>accept the suggestion “{task}”</source>
        <translation>采纳建议“{task}”</translation>
    </message>
    <message>
        <source>dismiss the suggestion “{task}”</source>
        <translation>忽略建议“{task}”</translation>
    </message>
    <message numerus="yes">
        <source>import roster into {group} (%n new)</source>
        <translation>
            <numerusform>导入名单到 {group}（新增 %n 人）</numerusform>
        </translation>
    </message>
    <message>
        <source>log a violation by {member}</source>
        <translation>记录 {member} 的违规</translation>
    </message>
    <message>
        <source>ban {member}</source>
        <translation>封禁 {member}</translation>
    </message>
    <message>
        <source>lift the ban on {member}</source>
        <translation>解封 {member}</translation>
    </message>
    <message numerus="yes">
        <source>log violations of %n ad sender(s)</source>
        <translation>
            <numerusform>为 %n 位广告发送者记录违规</numerusform>
        </translation>
    </message>
    <message>
        <source>queue a welcome in {group}</source>
        <translation>在{group}加入欢迎任务</translation>
    </message>
    <message numerus="yes">
        <source>queue %n reach-out task(s)</source>
        <translation>
            <numerusform>加入 %n 项联系任务</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>star %n member(s)</source>
        <translation>
            <numerusform>将 %n 名成员设为明星</numerusform>
        </translation>
    </message>
    <message>
        <source>schedule a topic in {group}</source>
        <translation>在{group}安排话题</translation>
    </message>
    <message>
        <source>a change</source>
        <translation>一项更改</translation>
    </message>
</context>
<context>
    <name>UpcomingList</name>
    <message>
        <source>Upcoming</source>
        <translation>即将举行</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Meetup</source>
        <translation>活动</translation>
    </message>
    <message>
        <source>Going</source>
        <translation>参加</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>No meetup is planned. Click a day to plan one.</source>
        <translation>还没有计划中的活动。点击某一天来策划一次。</translation>
    </message>
    <message numerus="yes">
        <source>%n on the waitlist</source>
        <translation>
            <numerusform>候补 %n 人</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ViolationDialog</name>
    <message>
        <source>What happened: the message, a screenshot&apos;s file name, who reported it</source>
        <translation>发生了什么：消息内容、截图文件名、举报人</translation>
    </message>
    <message>
        <source>&amp;Member:</source>
        <translation>成员(&amp;M)：</translation>
    </message>
    <message>
        <source>&amp;Group:</source>
        <translation>群组(&amp;G)：</translation>
    </message>
    <message>
        <source>&amp;Rule:</source>
        <translation>规则(&amp;R)：</translation>
    </message>
    <message>
        <source>&amp;When:</source>
        <translation>时间(&amp;W)：</translation>
    </message>
    <message>
        <source>&amp;Evidence:</source>
        <translation>证据(&amp;E)：</translation>
    </message>
    <message>
        <source>&amp;Action taken:</source>
        <translation>处理方式(&amp;A)：</translation>
    </message>
    <message>
        <source>Log a violation</source>
        <translation>记录违规</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Case #{number}</source>
        <translation>案号 #{number}</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Choose the member and the rule to see what the strike ladder suggests.</source>
        <translation>选择成员和规则，查看处罚阶梯给出的建议。</translation>
    </message>
    <message>
        <source>Strike {n} of the ladder → suggested action: {action}</source>
        <translation>第 {n} 次违规 → 建议处理：{action}</translation>
    </message>
    <message>
        <source>Choose the member: type part of their name and pick them from the list.</source>
        <translation>请选择成员：输入部分名字，再从列表中挑选。</translation>
    </message>
    <message>
        <source>Saved case #{number}.</source>
        <translation>已保存案号 #{number}。</translation>
    </message>
    <message>
        <source>Logged case #{number}.</source>
        <translation>已记录案号 #{number}。</translation>
    </message>
    <message numerus="yes">
        <source>Banned; %n removal task(s) created.</source>
        <translation>
            <numerusform>已封禁；已创建 %n 项移出任务。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ViolationLogView</name>
    <message>
        <source>Open</source>
        <translation>未处理</translation>
    </message>
    <message>
        <source>Handled</source>
        <translation>已处理</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Any member (type to find one)</source>
        <translation>任意成员（输入查找）</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>案号</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>成员</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>群组</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>违规分</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>处理</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Log violation…</source>
        <translation>记录违规…</translation>
    </message>
    <message>
        <source>Record a broken rule (Ctrl+N)</source>
        <translation>记录一次违规（Ctrl+N）</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Mark handled</source>
        <translation>标记已处理</translation>
    </message>
    <message>
        <source>Reopen</source>
        <translation>重新打开</translation>
    </message>
    <message>
        <source>Open member</source>
        <translation>打开成员</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>状态：</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>从：</translation>
    </message>
    <message>
        <source>To:</source>
        <translation>到：</translation>
    </message>
    <message>
        <source>All groups</source>
        <translation>所有群组</translation>
    </message>
    <message>
        <source>All rules</source>
        <translation>所有规则</translation>
    </message>
    <message>
        <source>{title} (retired)</source>
        <translation>{title}（已停用）</translation>
    </message>
    <message numerus="yes">
        <source>The newest %Ln violation(s); filter to see older ones</source>
        <translation>
            <numerusform>最新的 %Ln 条违规；筛选可查看更早的</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln violation(s)</source>
        <translation>
            <numerusform>%Ln 条违规</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln open</source>
        <translation>
            <numerusform>%Ln 条未处理</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Marked %n case(s) handled.</source>
        <translation>
            <numerusform>已将 %n 条标记为已处理。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Reopened %n case(s).</source>
        <translation>
            <numerusform>已重新打开 %n 条。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WeeklyChart</name>
    <message numerus="yes">
        <source>Week of {date}: %n message(s)</source>
        <translation>
            <numerusform>{date} 这一周：%n 条消息</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n yours</source>
        <translation>
            <numerusform>，你发了 %n 条</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n speaker(s)</source>
        <translation>
            <numerusform>，%n 人发言</numerusform>
        </translation>
    </message>
    <message>
        <source>No messages</source>
        <translation>没有消息</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>消息</translation>
    </message>
    <message>
        <source>Yours</source>
        <translation>你的</translation>
    </message>
    <message>
        <source>Speakers (right scale)</source>
        <translation>发言人数（右侧刻度）</translation>
    </message>
</context>
<context>
    <name>WelcomeDialog</name>
    <message>
        <source>Welcome the newcomers of {group}</source>
        <translation>欢迎{group}的新人</translation>
    </message>
    <message>
        <source>{name} — joined {day}</source>
        <translation>{name} — {day} 入群</translation>
    </message>
    <message>
        <source>They joined in the last 90 days and have not said a word. One task names them.</source>
        <translation>他们在最近 90 天内入群，还一句话都没说过。一项任务会列出他们的名字。</translation>
    </message>
    <message>
        <source>Newcomers:</source>
        <translation>新人：</translation>
    </message>
    <message>
        <source>When:</source>
        <translation>时间：</translation>
    </message>
    <message>
        <source>Add to the queue</source>
        <translation>加入待办</translation>
    </message>
    <message>
        <source>Welcome queued for {when}</source>
        <translation>欢迎任务已排在 {when}</translation>
    </message>
    <message>
        <source>Moved to {when}</source>
        <translation>已改到 {when}</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>Welcome to Huoqun 活群</source>
        <translation>欢迎使用活群</translation>
    </message>
    <message>
        <source>Huoqun keeps your chat groups alive: it tracks your groups and members, the helpers who carry the work, the rules, meetups and the interactions that come due, and tells you which groups are slipping.

Everything stays in one file on this computer.</source>
        <translation>活群帮你让社群保持活力：记录你的群和成员、分担工作的骨干、群规、线下活动和到期的互动，并告诉你哪些群正在冷下去。

所有数据都保存在这台电脑上的一个文件里。</translation>
    </message>
    <message>
        <source>Create a group</source>
        <translation>创建群组</translation>
    </message>
    <message>
        <source>Start with one of your groups; add its members next.</source>
        <translation>从你的一个群开始，然后添加它的成员。</translation>
    </message>
    <message>
        <source>Import a roster</source>
        <translation>导入名单</translation>
    </message>
    <message>
        <source>A QQ group export, a WeChat group tool sheet, or any CSV or Excel list</source>
        <translation>QQ 群成员导出、微信群工具表格，或任何 CSV、Excel 名单</translation>
    </message>
    <message>
        <source>Import chat history</source>
        <translation>导入聊天记录</translation>
    </message>
    <message>
        <source>Exports of Telegram, Discord, QQ or WeChat groups; or drop them here</source>
        <translation>Telegram、Discord、QQ 或微信群的导出文件；也可以直接拖到这里</translation>
    </message>
    <message>
        <source>Load a sample community</source>
        <translation>载入示例社群</translation>
    </message>
    <message>
        <source>A made-up community of a few thousand members in two dozen groups.</source>
        <translation>一个虚构的社群：二十多个群，几千名成员。</translation>
    </message>
    <message>
        <source>Load a large sample: {members} members</source>
        <translation>载入大型示例社群：{members} 名成员</translation>
    </message>
    <message>
        <source>The reference load of the speed targets: {members} members in {groups} groups with their history. Building it takes under a minute.</source>
        <translation>性能目标所用的参考规模：{groups} 个群、{members} 名成员及其历史记录。生成用时不到一分钟。</translation>
    </message>
</context>
<context>
    <name>WindowMenus</name>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Import a roster…</source>
        <translation>导入名单(&amp;I)…</translation>
    </message>
    <message>
        <source>Import &amp;chat history…</source>
        <translation>导入聊天记录(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Export members…</source>
        <translation>导出成员(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Back up now</source>
        <translation>立即备份(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;New…</source>
        <translation>新建(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>查找(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About Huoqun</source>
        <translation>关于活群(&amp;A)</translation>
    </message>
</context>
<context>
    <name>WindowStart</name>
    <message>
        <source>Backing up…</source>
        <translation>正在备份…</translation>
    </message>
    <message>
        <source>Looking for suggestions…</source>
        <translation>正在查找建议…</translation>
    </message>
</context>
</TS>
