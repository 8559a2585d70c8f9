tracebriefSearch.terms("po",{"polish":"3"});
