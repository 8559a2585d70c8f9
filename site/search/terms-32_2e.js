tracebriefSearch.terms("2.",{"2.3%":"l","2.5%":"m"});
