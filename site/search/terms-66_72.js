tracebriefSearch.terms("fr",{"france":"b"});
