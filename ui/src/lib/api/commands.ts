// Typed wrappers, one per Rust command (tests/tidy.rs checks none is missing).
import { call } from './invoke';
import type { FirstScreen } from './bindings/FirstScreen';
import type { Settings } from './bindings/Settings';
import type { Person } from './bindings/Person';
import type { PersonInput } from './bindings/PersonInput';
import type { Prepared } from './bindings/Prepared';
import type { EmailInput } from './bindings/EmailInput';
import type { HandedOver } from './bindings/HandedOver';
import type { ListKey } from './bindings/ListKey';
import type { Sent } from './bindings/Sent';
import type { MailingLists } from './bindings/MailingLists';
import type { ListInput } from './bindings/ListInput';
import type { FeedbackPage } from './bindings/FeedbackPage';
import type { FeedbackInput } from './bindings/FeedbackInput';
import type { AgreeInput } from './bindings/AgreeInput';
import type { MembershipPage } from './bindings/MembershipPage';
import type { MemberProfile } from './bindings/MemberProfile';
import type { Dimension } from './bindings/Dimension';
import type { Recruitment } from './bindings/Recruitment';
import type { ReportChoices } from './bindings/ReportChoices';
import type { Post } from './bindings/Post';
import type { PostInput } from './bindings/PostInput';
import type { Nomination } from './bindings/Nomination';
import type { NominationInput } from './bindings/NominationInput';
import type { TermsVersion } from './bindings/TermsVersion';
import type { TermsInput } from './bindings/TermsInput';
import type { ReportYear } from './bindings/ReportYear';
import type { SearchQuery } from './bindings/SearchQuery';
import type { SearchResults } from './bindings/SearchResults';
import type { Survey } from './bindings/Survey';
import type { SurveyInput } from './bindings/SurveyInput';
import type { TypedAnswer } from './bindings/TypedAnswer';
import type { PaperForm } from './bindings/PaperForm';
import type { SurveyResults } from './bindings/SurveyResults';
import type { FftMonth } from './bindings/FftMonth';
import type { Wording } from './bindings/Wording';
import type { EmailDocument } from './bindings/EmailDocument';
import type { Template } from './bindings/Template';
import type { PeopleQuery } from './bindings/PeopleQuery';
import type { ErasurePreview } from './bindings/ErasurePreview';
import type { CsvPreview } from './bindings/CsvPreview';
import type { ImportReport } from './bindings/ImportReport';
import type { PersonField } from './bindings/PersonField';
import type { BackupInfo } from './bindings/BackupInfo';
import type { BackupCheck } from './bindings/BackupCheck';
import type { BackupSecret } from './bindings/BackupSecret';
import type { DocumentKind } from './bindings/DocumentKind';
import type { Profile } from './bindings/Profile';
import type { PrintSetup } from './bindings/PrintSetup';
import type { Meeting } from './bindings/Meeting';
import type { MeetingDetail } from './bindings/MeetingDetail';
import type { MeetingInput } from './bindings/MeetingInput';
import type { MeetingStatus } from './bindings/MeetingStatus';
import type { AgendaItemInput } from './bindings/AgendaItemInput';
import type { AttendanceStatus } from './bindings/AttendanceStatus';
import type { DecisionInput } from './bindings/DecisionInput';
import type { ActionInput } from './bindings/ActionInput';
import type { TemplateItem } from './bindings/TemplateItem';
import type { ActionFilter } from './bindings/ActionFilter';
import type { ActionList } from './bindings/ActionList';
import type { ActionDetail } from './bindings/ActionDetail';
import type { ActionStatus } from './bindings/ActionStatus';
import type { ReviewLine } from './bindings/ReviewLine';
import type { Dashboard } from './bindings/Dashboard';
import type { Contact } from './bindings/Contact';
import type { ContactDetail } from './bindings/ContactDetail';
import type { ContactInput } from './bindings/ContactInput';
import type { ContactImport } from './bindings/ContactImport';
import type { InteractionInput } from './bindings/InteractionInput';
import type { DirectoryFilter } from './bindings/DirectoryFilter';
import type { DirectoryList } from './bindings/DirectoryList';
import type { Entry } from './bindings/Entry';
import type { EntryInput } from './bindings/EntryInput';
import type { Category } from './bindings/Category';
import type { DirectoryCsvPreview } from './bindings/DirectoryCsvPreview';
import type { DirectoryField } from './bindings/DirectoryField';
import type { OrukImport } from './bindings/OrukImport';
import type { Driver } from './bindings/Driver';
import type { DriverInput } from './bindings/DriverInput';
import type { CheckInput } from './bindings/CheckInput';
import type { AbsenceInput } from './bindings/AbsenceInput';
import type { Passenger } from './bindings/Passenger';
import type { PassengerInput } from './bindings/PassengerInput';
import type { Destination } from './bindings/Destination';
import type { DestinationInput } from './bindings/DestinationInput';
import type { TripWeek } from './bindings/TripWeek';
import type { Trip } from './bindings/Trip';
import type { TripInput } from './bindings/TripInput';
import type { TripStatus } from './bindings/TripStatus';
import type { Suggestion } from './bindings/Suggestion';
import type { MileageClaim } from './bindings/MileageClaim';
import type { SchemeSummary } from './bindings/SchemeSummary';

export const getFirstScreen = () => call<FirstScreen>('get_first_screen');
export const showWindow = () => call<void>('show_window');
export const firstScreenPainted = () => call<void>('first_screen_painted');
export const loadSampleData = () => call<void>('load_sample_data');
export const leaveSample = () => call<void>('leave_sample');
export const cancelWork = () => call<void>('cancel_work');
export const recoverFromLatestBackup = () => call<void>('recover_from_latest_backup');

export const getSettings = () => call<Settings | null>('get_settings');
export const saveSettings = (settings: Settings) => call<Settings>('save_settings', { settings });

export const listPeople = (query: PeopleQuery) => call<Person[]>('list_people', { query });
export const getPerson = (id: number) => call<Person>('get_person', { id });
export const createPerson = (input: PersonInput) => call<Person>('create_person', { input });
export const updatePerson = (id: number, input: PersonInput) => call<Person>('update_person', { id, input });
export const markPersonLeft = (id: number, on: string) => call<Person>('mark_person_left', { id, on });
export const previewErasePerson = (id: number) => call<ErasurePreview>('preview_erase_person', { id });
export const erasePerson = (id: number) => call<void>('erase_person', { id });
export const savePersonRecordJson = (id: number, path: string) => call<void>('save_person_record_json', { id, path });
export const previewPeopleCsv = (path: string) => call<CsvPreview>('preview_people_csv', { path });
export const importPeopleCsv = (path: string, mapping: (PersonField | null)[]) =>
  call<ImportReport>('import_people_csv', { path, mapping });
export const exportPeopleCsv = (path: string, query: PeopleQuery) =>
  call<number>('export_people_csv', { path, query });

export const listBackups = () => call<BackupInfo[]>('list_backups');
export const backupToFile = (path: string) => call<BackupCheck>('backup_to_file', { path });
export const takeBackupNow = () => call<BackupInfo>('take_backup_now');
// `secret`: the passphrase or recovery key of a backup protected under another key.
export const checkBackupFile = (path: string, secret: BackupSecret | null = null) => call<BackupCheck>('check_backup_file', { path, secret });
export const checkListedBackup = (fileName: string, secret: BackupSecret | null = null) => call<BackupCheck>('check_listed_backup', { fileName, secret });
export const restoreBackupFile = (path: string, secret: BackupSecret | null = null) => call<void>('restore_backup_file', { path, secret });
export const restoreListedBackup = (fileName: string, secret: BackupSecret | null = null) => call<void>('restore_listed_backup', { fileName, secret });

export const getLogo = () => call<ArrayBuffer>('get_logo');
export const setLogo = (path: string) => call<void>('set_logo', { path });
export const clearLogo = () => call<void>('clear_logo');

export const renderDocument = (kind: DocumentKind, profile: Profile) =>
  call<ArrayBuffer>('render_document', { kind, profile });
export const suggestDocumentFileName = (kind: DocumentKind, profile: Profile) =>
  call<string>('suggest_document_file_name', { kind, profile });
export const saveDocument = (kind: DocumentKind, profile: Profile, path: string) =>
  call<void>('save_document', { kind, profile, path });
export const openDocument = (kind: DocumentKind, profile: Profile) => call<void>('open_document', { kind, profile });
export const listPrinters = () => call<PrintSetup>('list_printers');
export const printDocument = (kind: DocumentKind, profile: Profile, printer: string, copies: number) =>
  call<string>('print_document', { kind, profile, printer, copies });

export const prepareEmail = (kind: DocumentKind, list: ListKey) => call<Prepared>('prepare_email', { kind, list });
export const handOverEmail = (kind: DocumentKind, input: EmailInput) => call<HandedOver>('hand_over_email', { kind, input });
export const showEmailPdf = (path: string) => call<void>('show_email_pdf', { path });
export const emailSent = (kind: DocumentKind) => call<Sent[]>('email_sent', { kind });
export const listEmailWordings = () => call<Wording[]>('list_email_wordings');
export const saveEmailWording = (document: EmailDocument, template: Template) =>
  call<void>('save_email_wording', { document, template });
export const resetEmailWording = (document: EmailDocument) => call<void>('reset_email_wording', { document });
export const listMailingLists = () => call<MailingLists>('list_mailing_lists');
export const saveMailingList = (input: ListInput) => call<number>('save_mailing_list', { input });
export const deleteMailingList = (id: number) => call<void>('delete_mailing_list', { id });
export const feedbackPage = () => call<FeedbackPage>('feedback_page');
export const saveFeedback = (id: number | null, input: FeedbackInput) => call<number>('save_feedback', { id, input });
export const deleteFeedback = (id: number) => call<void>('delete_feedback', { id });
export const saveFeedbackTheme = (id: number | null, name: string) => call<number>('save_feedback_theme', { id, name });
export const deleteFeedbackTheme = (id: number) => call<void>('delete_feedback_theme', { id });
export const agreeImprovement = (input: AgreeInput) => call<number>('agree_improvement', { input });
export const membershipPage = () => call<MembershipPage>('membership_page');
export const memberProfile = (personId: number) => call<MemberProfile | null>('member_profile', { personId });
export const saveMemberProfile = (profile: MemberProfile) => call<void>('save_member_profile', { profile });
export const removeMemberProfile = (personId: number) => call<void>('remove_member_profile', { personId });
export const savePracticeGroups = (dimension: Dimension, groups: [string, number][]) => call<void>('save_practice_groups', { dimension, groups });
export const importPracticeCsv = (path: string, code: string) => call<ImportReport>('import_practice_csv', { path, code });
export const saveRecruitment = (entry: Recruitment) => call<number>('save_recruitment', { entry });
export const deleteRecruitment = (id: number) => call<void>('delete_recruitment', { id });
export const annualReportYears = () => call<ReportYear[]>('annual_report_years');
export const annualReportChoices = (year: number) => call<ReportChoices>('annual_report_choices', { year });
export const saveAnnualReportChoices = (choices: ReportChoices) => call<void>('save_annual_report_choices', { choices });
export const listOfficerPosts = () => call<Post[]>('list_officer_posts');
export const appointOfficer = (postId: number, personId: number, fromOn: string) => call<number>('appoint_officer', { postId, personId, fromOn });
export const standDownOfficer = (postId: number) => call<void>('stand_down_officer', { postId });
export const saveOfficerPost = (input: PostInput) => call<number>('save_officer_post', { input });
export const agmNominations = (meetingId: number) => call<Nomination[]>('agm_nominations', { meetingId });
export const nominateOfficer = (meetingId: number, input: NominationInput) => call<number>('nominate_officer', { meetingId, input });
export const electOfficer = (nominationId: number) => call<void>('elect_officer', { nominationId });
export const withdrawNomination = (nominationId: number) => call<void>('withdraw_nomination', { nominationId });
export const termsVersions = () => call<TermsVersion[]>('terms_versions');
export const saveTermsVersion = (input: TermsInput) => call<number>('save_terms_version', { input });
export const fftMonths = () => call<FftMonth[]>('fft_months');
export const importFft = (path: string, code: string, month: string) => call<ImportReport>('import_fft', { path, code, month });
export const searchEverything = (query: SearchQuery) => call<SearchResults>('search_everything', { query });
export const listSurveys = () => call<Survey[]>('list_surveys');
export const saveSurvey = (id: number | null, input: SurveyInput) => call<number>('save_survey', { id, input });
export const deleteSurvey = (id: number) => call<null>('delete_survey', { id });
export const addSurveyForm = (surveyId: number, answers: TypedAnswer[]) => call<number>('add_survey_form', { surveyId, answers });
export const surveyForms = (surveyId: number) => call<PaperForm[]>('survey_forms', { surveyId });
export const deleteSurveyForm = (id: number) => call<null>('delete_survey_form', { id });
export const surveyResults = (surveyId: number) => call<SurveyResults>('survey_results', { surveyId });
export const saveSurveyCsv = (surveyId: number, path: string) => call<number>('save_survey_csv', { surveyId, path });
export const surveyAnswerToFeedback = (responseId: number, questionId: number, input: FeedbackInput) =>
  call<number>('survey_answer_to_feedback', { responseId, questionId, input });
export const finishImprovement = (actionId: number, outcome: string) => call<void>('finish_improvement', { actionId, outcome });

export const listMeetings = () => call<Meeting[]>('list_meetings');
export const getMeeting = (id: number) => call<MeetingDetail>('get_meeting', { id });
export const createMeeting = (input: MeetingInput) => call<Meeting>('create_meeting', { input });
export const scheduleNextMeeting = (id: number) => call<Meeting>('schedule_next_meeting', { id });
export const setMeetingStatus = (id: number, status: MeetingStatus) => call<Meeting>('set_meeting_status', { id, status });
export const saveItemMinutes = (itemId: number, text: string) => call<void>('save_item_minutes', { itemId, text });
export const addAgendaItem = (meetingId: number, input: AgendaItemInput) =>
  call<MeetingDetail>('add_agenda_item', { meetingId, input });
export const updateAgendaItem = (meetingId: number, itemId: number, input: AgendaItemInput) =>
  call<MeetingDetail>('update_agenda_item', { meetingId, itemId, input });
export const moveAgendaItem = (meetingId: number, itemId: number, by: number) =>
  call<MeetingDetail>('move_agenda_item', { meetingId, itemId, by });
export const removeAgendaItem = (meetingId: number, itemId: number) =>
  call<MeetingDetail>('remove_agenda_item', { meetingId, itemId });
export const updateMeeting = (id: number, input: MeetingInput) => call<MeetingDetail>('update_meeting', { id, input });
export const setAttendance = (meetingId: number, personId: number, status: AttendanceStatus | null) =>
  call<MeetingDetail>('set_attendance', { meetingId, personId, status });
export const addDecision = (meetingId: number, itemId: number, input: DecisionInput) =>
  call<MeetingDetail>('add_decision', { meetingId, itemId, input });
export const removeDecision = (meetingId: number, decisionId: number) => call<MeetingDetail>('remove_decision', { meetingId, decisionId });
export const addMinutesAction = (meetingId: number, itemId: number, input: ActionInput) =>
  call<MeetingDetail>('add_minutes_action', { meetingId, itemId, input });
export const removeMinutesAction = (meetingId: number, actionId: number) =>
  call<MeetingDetail>('remove_minutes_action', { meetingId, actionId });
export const approvePreviousMinutes = (meetingId: number, corrections: string) =>
  call<MeetingDetail>('approve_previous_minutes', { meetingId, corrections });
export const addMinutesAmendment = (meetingId: number, text: string) => call<MeetingDetail>('add_minutes_amendment', { meetingId, text });
export const getAgendaTemplate = () => call<TemplateItem[]>('get_agenda_template');
export const saveAgendaTemplate = (items: TemplateItem[]) => call<TemplateItem[]>('save_agenda_template', { items });
export const addMeetingGuest = (meetingId: number, contactId: number) => call<MeetingDetail>('add_meeting_guest', { meetingId, contactId });
export const removeMeetingGuest = (meetingId: number, contactId: number) =>
  call<MeetingDetail>('remove_meeting_guest', { meetingId, contactId });
export const saveMeetingInvite = (id: number, path: string) => call<void>('save_meeting_invite', { id, path });

export const listActions = (filter: ActionFilter) => call<ActionList>('list_actions', { filter });
export const getAction = (id: number) => call<ActionDetail>('get_action', { id });
export const createAction = (input: ActionInput) => call<ActionDetail>('create_action', { input });
export const updateAction = (id: number, input: ActionInput) => call<ActionDetail>('update_action', { id, input });
export const setActionStatus = (id: number, status: ActionStatus, reason: string) => call<ActionDetail>('set_action_status', { id, status, reason });
export const addActionUpdate = (id: number, text: string) => call<ActionDetail>('add_action_update', { id, text });
export const getMeetingReview = (meetingId: number) => call<ReviewLine[]>('get_meeting_review', { meetingId });
export const reviewAction = (meetingId: number, id: number, update: string, status: ActionStatus | null, reason: string) =>
  call<ReviewLine[]>('review_action', { meetingId, id, update, status, reason });
export const saveActionsCsv = (filter: ActionFilter, path: string) => call<number>('save_actions_csv', { filter, path });
export const getDashboard = () => call<Dashboard>('get_dashboard');

export const listContacts = (search: string) => call<Contact[]>('list_contacts', { search });
export const getContact = (id: number) => call<ContactDetail>('get_contact', { id });
export const createContact = (input: ContactInput) => call<ContactDetail>('create_contact', { input });
export const updateContact = (id: number, input: ContactInput) => call<ContactDetail>('update_contact', { id, input });
export const deleteContact = (id: number) => call<void>('delete_contact', { id });
export const addContactInteraction = (id: number, input: InteractionInput) => call<ContactDetail>('add_contact_interaction', { id, input });
export const saveContactsVcard = (id: number | null, path: string) => call<number>('save_contacts_vcard', { id, path });
export const importContactsVcard = (path: string) => call<ContactImport>('import_contacts_vcard', { path });

export const listDirectory = (filter: DirectoryFilter) => call<DirectoryList>('list_directory', { filter });
export const getDirectoryEntry = (id: number) => call<Entry>('get_directory_entry', { id });
export const createDirectoryEntry = (input: EntryInput) => call<Entry>('create_directory_entry', { input });
export const updateDirectoryEntry = (id: number, input: EntryInput) => call<Entry>('update_directory_entry', { id, input });
export const markDirectoryEntryChecked = (id: number, by: string) => call<Entry>('mark_directory_entry_checked', { id, by });
export const deleteDirectoryEntry = (id: number) => call<void>('delete_directory_entry', { id });
export const addDirectoryCategory = (name: string) => call<Category[]>('add_directory_category', { name });
export const renameDirectoryCategory = (id: number, name: string) => call<Category[]>('rename_directory_category', { id, name });
export const removeDirectoryCategory = (id: number) => call<Category[]>('remove_directory_category', { id });
export const previewDirectoryCsv = (path: string) => call<DirectoryCsvPreview>('preview_directory_csv', { path });
export const importDirectoryCsv = (path: string, mapping: (DirectoryField | null)[]) =>
  call<ImportReport>('import_directory_csv', { path, mapping });
export const saveDirectoryCsv = (path: string) => call<number>('save_directory_csv', { path });
export const importDirectoryOruk = (path: string) => call<OrukImport>('import_directory_oruk', { path });
export const saveDirectoryOruk = (path: string) => call<number>('save_directory_oruk', { path });

export const listDrivers = () => call<Driver[]>('list_drivers');
export const getDriver = (id: number) => call<Driver>('get_driver', { id });
export const createDriver = (input: DriverInput) => call<Driver>('create_driver', { input });
export const updateDriver = (id: number, input: DriverInput) => call<Driver>('update_driver', { id, input });
export const saveDriverCheck = (id: number, input: CheckInput) => call<Driver>('save_driver_check', { id, input });
export const addDriverAbsence = (id: number, input: AbsenceInput) => call<Driver>('add_driver_absence', { id, input });
export const removeDriverAbsence = (id: number, absenceId: number) => call<Driver>('remove_driver_absence', { id, absenceId });
export const listPassengers = (search: string) => call<Passenger[]>('list_passengers', { search });
export const createPassenger = (input: PassengerInput) => call<Passenger>('create_passenger', { input });
export const updatePassenger = (id: number, input: PassengerInput) => call<Passenger>('update_passenger', { id, input });
export const deletePassenger = (id: number) => call<void>('delete_passenger', { id });
export const listDestinations = () => call<Destination[]>('list_destinations');
export const createDestination = (input: DestinationInput) => call<Destination[]>('create_destination', { input });
export const updateDestination = (id: number, input: DestinationInput) => call<Destination[]>('update_destination', { id, input });
export const deleteDestination = (id: number) => call<Destination[]>('delete_destination', { id });
export const listTrips = (week: string) => call<TripWeek>('list_trips', { week });
export const getTrip = (id: number) => call<Trip>('get_trip', { id });
export const createTrip = (input: TripInput) => call<Trip>('create_trip', { input });
export const updateTrip = (id: number, input: TripInput) => call<Trip>('update_trip', { id, input });
export const suggestDrivers = (tripId: number) => call<Suggestion[]>('suggest_drivers', { tripId });
export const assignDriver = (tripId: number, driverId: number, overrideReason: string) =>
  call<Trip>('assign_driver', { tripId, driverId, overrideReason });
export const setTripStatus = (tripId: number, status: TripStatus) => call<Trip>('set_trip_status', { tripId, status });
export const markTripDone = (tripId: number, miles: string, donation: string) => call<Trip>('mark_trip_done', { tripId, miles, donation });
export const getMileageClaim = (driverId: number, month: string) => call<MileageClaim>('get_mileage_claim', { driverId, month });
export const listFormerDriversDue = () => call<Driver[]>('list_former_drivers_due');
export const removeDriverRecord = (id: number) => call<void>('remove_driver_record', { id });
export const savePassengerRecordJson = (id: number, path: string) => call<void>('save_passenger_record_json', { id, path });
export const saveOtherMiles = (driverId: number, month: string, miles: string) => call<MileageClaim>('save_other_miles', { driverId, month, miles });
export const saveDriverCalendar = (driverId: number, path: string) => call<number>('save_driver_calendar', { driverId, path });
export const getSchemeSummary = (months: number) => call<SchemeSummary>('get_scheme_summary', { months });
